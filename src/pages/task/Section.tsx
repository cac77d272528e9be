import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';

/** One card of 任务详情: a title, an optional note on the right (a count), and what it holds. */
export default function Section({
  title,
  note,
  noteTone = 'ok',
  children,
}: {
  title: string;
  note?: string;
  /** A count near its limit shows orange, at it red. */
  noteTone?: 'ok' | 'near' | 'full';
  children: ReactNode;
}) {
  return (
    <View className="task-page__card">
      <View className="task-page__section-head">
        <Text className="task-page__section-title">{title}</Text>
        {note !== undefined ? (
          <Text className={`task-page__section-note task-page__section-note--${noteTone}`} data-tone={noteTone}>
            {note}
          </Text>
        ) : null}
      </View>
      {children}
    </View>
  );
}
