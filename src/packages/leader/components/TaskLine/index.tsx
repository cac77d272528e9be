import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Light from '../../../../components/Light';
import StatusTag from '../../../../components/StatusTag';
import type { TaskSummary } from '../../../../contract/replies';
import './index.scss';

/**
 * One task in a leader's list: light, 第N项 and its short title, the deadline label and when it is due
 * (or how long overdue), the status. Tapping opens the task; `action` (催办) sits on the right.
 */
export default function TaskLine({
  task,
  due,
  showUnit = false,
  onOpen,
  action,
}: {
  task: TaskSummary;
  due: string;
  showUnit?: boolean;
  onOpen: (task: TaskSummary) => void;
  action?: ReactNode;
}) {
  return (
    <View className="task-line" hoverClass="task-line--hover" onClick={() => onOpen(task)} data-task-id={task.id}>
      <View className="task-line__light">
        <Light light={task.light} />
      </View>
      <View className="task-line__main">
        <Text className="task-line__title">{`${showUnit ? `${task.unitName} · ` : ''}第${task.itemNo}项 ${task.title}`}</Text>
        <View className="task-line__meta">
          <Text className="task-line__label">{task.label}</Text>
          <Text className={`task-line__due${task.light === 'red' ? ' task-line__due--late' : ''}`}>{due}</Text>
          {task.evidenceCount > 0 ? <Text className="task-line__count">{`材料${task.evidenceCount}份`}</Text> : null}
        </View>
      </View>
      <View className="task-line__side">
        <StatusTag status={task.status} light={task.light} />
        {action}
      </View>
    </View>
  );
}
