import { Text, View } from '@tarojs/components';
import './index.scss';

/** Placeholder until the page is built. */
export default function UnitPage() {
  return (
    <View className="placeholder">
      <Text>单位进展</Text>
    </View>
  );
}
