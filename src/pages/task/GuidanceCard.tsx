import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { TaskDetail } from '../../contract/replies';
import Section from './Section';
import './GuidanceCard.scss';

/**
 * 佐证材料要求, on top of the task: what evidence counts for this item (as its lead unit wrote it,
 * or proposed from the text), with the official text one tap away. Nothing when the item has none.
 */
export default function GuidanceCard({ item }: { item: TaskDetail['item'] }) {
  const [showText, setShowText] = useState(false);
  const { guidance } = item;
  if (!guidance) return null;
  const parts = guidance.text.split(/[；;\n]+/).filter((part) => part.trim() !== '');
  return (
    <Section title="佐证材料要求">
      <View className="guidance-card" role="note">
        {parts.map((part, index) => (
          <Text key={index} className="guidance-card__part">
            {parts.length > 1 ? `${index + 1}. ${part.trim()}` : part.trim()}
          </Text>
        ))}
        <Text className="guidance-card__source">
          {guidance.proposed
            ? '根据任务原文自动整理，以牵头单位的要求为准'
            : `由${guidance.updatedByName ?? '牵头单位'}提出`}
        </Text>
        <View
          className="guidance-card__toggle"
          role="button"
          aria-expanded={showText}
          onClick={() => setShowText(!showText)}
        >
          <Text>{showText ? '收起任务原文' : '查看任务原文'}</Text>
        </View>
        {showText ? (
          <Text className="guidance-card__text" userSelect>
            {item.text}
          </Text>
        ) : null}
      </View>
    </Section>
  );
}
