import { Text, View } from '@tarojs/components';
import './index.scss';

/** Placeholder until the page is built. */
export default function ManagePage() {
  return (
    <View className="placeholder">
      <Text>管理</Text>
    </View>
  );
}
