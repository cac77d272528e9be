import { Text, View } from '@tarojs/components';
import './index.scss';

/** Placeholder until the page is built. */
export default function WorkbenchPage() {
  return (
    <View className="placeholder">
      <Text>工作台</Text>
    </View>
  );
}
