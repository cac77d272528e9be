import { Text, View } from '@tarojs/components';
import './index.scss';

/** Placeholder until the page is built. */
export default function ReviewQueuePage() {
  return (
    <View className="placeholder">
      <Text>待审核</Text>
    </View>
  );
}
