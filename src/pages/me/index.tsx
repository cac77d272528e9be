import { Text, View } from '@tarojs/components';
import './index.scss';

/** Placeholder until the page is built. */
export default function MePage() {
  return (
    <View className="placeholder">
      <Text>我的</Text>
    </View>
  );
}
