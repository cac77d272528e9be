import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Instruction } from '../../contract/replies';
import { formatTime } from '../../utils/format';
import './index.scss';

/**
 * 领导批示, newest first: what the leader wrote, who and when, and whether it is about one task or
 * the unit as a whole. `first` shows that many and folds the rest; `onOpenTask` makes a task's
 * instruction open its task (on the task list).
 */
export default function InstructionList({
  instructions,
  today,
  first = instructions.length,
  onOpenTask,
}: {
  instructions: Instruction[];
  today?: string;
  first?: number;
  onOpenTask?: (taskId: string) => void;
}) {
  const [all, setAll] = useState(false);
  if (instructions.length === 0) return null;
  const shown = all ? instructions : instructions.slice(0, first);
  return (
    <View className="instructions" role="region" aria-label="领导批示">
      <Text className="instructions__title">领导批示</Text>
      {shown.map((instruction) => {
        const opens = Boolean(onOpenTask && instruction.taskId);
        return (
          <View
            key={instruction.id}
            className={`instructions__item${opens ? ' instructions__item--link' : ''}`}
            data-instruction-id={instruction.id}
            onClick={opens && instruction.taskId ? () => onOpenTask?.(instruction.taskId as string) : undefined}
          >
            <Text className="instructions__text" userSelect>
              {instruction.text}
            </Text>
            <Text className="instructions__meta">
              {`${instruction.authorName} · ${formatTime(instruction.createdAt, today)} · ${
                instruction.taskId ? '批示这项任务' : `批示${instruction.unitName}`
              }${opens ? ' ›' : ''}`}
            </Text>
          </View>
        );
      })}
      {instructions.length > first ? (
        <Text className="instructions__more" onClick={() => setAll(!all)}>
          {all ? '收起' : `还有${instructions.length - first}条批示`}
        </Text>
      ) : null}
    </View>
  );
}
