import { Text, View } from '@tarojs/components';
import './index.scss';

/** Placeholder until the page is built. */
export default function DashboardPage() {
  return (
    <View className="placeholder">
      <Text>全区进展</Text>
    </View>
  );
}
