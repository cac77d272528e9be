import { Text, View } from '@tarojs/components';
import './index.scss';

/** Nothing to show, and what to do next. */
export default function EmptyState({ title, hint }: { title: string; hint?: string }) {
  return (
    <View className="empty-state">
      <Text className="empty-state__title">{title}</Text>
      {hint ? <Text className="empty-state__hint">{hint}</Text> : null}
    </View>
  );
}
