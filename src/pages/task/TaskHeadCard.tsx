import { Text, View } from '@tarojs/components';
import Light from '../../components/Light';
import StatusTag from '../../components/StatusTag';
import type { TaskDetailTask } from '../../contract/replies';
import { daysBetween } from '../../core/dates';
import { formatDate, formatDue } from '../../utils/format';

function dueLine(task: TaskDetailTask, today: string): string {
  if (task.status === 'exempt') return '已确认不涉及，本项无需报送';
  const date = `${task.dueDate.slice(0, 4)}年${formatDate(task.dueDate)}`;
  if (task.status !== 'pending' && task.status !== 'returned') return `截止 ${date}`;
  const days = daysBetween(today, task.dueDate);
  return `截止 ${date}（${days > 30 ? `还有${days}天` : formatDue(task.dueDate, today)}）`;
}

/**
 * The top of 任务详情: light and status, the item's number, label and title, the due date (and the
 * original one when a 延期 moved it), what to hand in.
 */
export default function TaskHeadCard({ task, title, today }: { task: TaskDetailTask; title: string; today: string }) {
  return (
    <View className="task-page__card task-page__head">
      <View className="task-page__status">
        <Light light={task.light} size="large" />
        <StatusTag status={task.status} light={task.light} />
        <Text className="task-page__no">{`第${task.itemNo}项`}</Text>
      </View>
      <Text className="task-page__label">{task.label}</Text>
      <Text className="task-page__title">{title}</Text>
      <View className="task-page__due-line">
        <Text className={`task-page__due task-page__due--${task.light}`}>{dueLine(task, today)}</Text>
        {task.estimated ? <Text className="task-page__estimated">预估</Text> : null}
        {task.originalDueDate ? (
          <Text className="task-page__original" data-original={task.originalDueDate}>
            {`已延期，原定${task.originalDueDate.slice(0, 4)}年${formatDate(task.originalDueDate)}`}
          </Text>
        ) : null}
      </View>
      {task.estimated ? (
        <Text className="task-page__estimated-hint">该年度放假安排尚未公布，截止日期按工作日预估</Text>
      ) : null}
      {task.requirements.length > 0 ? (
        <View className="task-page__requirements">
          {task.requirements.map((requirement) => (
            <Text key={requirement} className="task-page__requirement">{`· ${requirement}`}</Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
