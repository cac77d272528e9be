import { Text, View } from '@tarojs/components';
import './index.scss';

/** Placeholder until the page is built. */
export default function TaskPage() {
  return (
    <View className="placeholder">
      <Text>任务详情</Text>
    </View>
  );
}
