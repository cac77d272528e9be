import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';

/** One card of 任务详情: a title, an optional note on the right (a count), and what it holds. */
export default function Section({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  return (
    <View className="task-page__card">
      <View className="task-page__section-head">
        <Text className="task-page__section-title">{title}</Text>
        {note !== undefined ? <Text className="task-page__section-note">{note}</Text> : null}
      </View>
      {children}
    </View>
  );
}
