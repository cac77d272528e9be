import { Text, View } from '@tarojs/components';
import './index.scss';

/** Placeholder until the page is built. */
export default function TasksPage() {
  return (
    <View className="placeholder">
      <Text>我的任务</Text>
    </View>
  );
}
