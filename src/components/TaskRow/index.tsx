import { Text, View } from '@tarojs/components';
import { excerpt } from '../../utils/format';
import { dueText, requestMark } from './rowText';
import type { TaskSummary } from '../../contract/replies';
import Light from '../Light';
import StatusTag from '../StatusTag';
import './index.scss';

/**
 * One task in 我的任务: light, 第N项 and title, what is due, when, how much evidence is in, and a
 * 延期 or 不涉及 request waiting for the lead unit.
 */
export default function TaskRow({
  task,
  today,
  onOpen,
}: {
  task: TaskSummary;
  today: string;
  onOpen: (task: TaskSummary) => void;
}) {
  const comment = task.status === 'returned' ? excerpt(task.reviewComment) : '';
  const mark = requestMark(task);
  return (
    <View
      className={`task-row task-row--${task.light}`}
      hoverClass="task-row--hover"
      onClick={() => onOpen(task)}
      data-task-id={task.id}
      data-light={task.light}
    >
      <View className="task-row__light">
        <Light light={task.light} />
      </View>
      <View className="task-row__main">
        <View className="task-row__title-line">
          <Text className="task-row__no">{`第${task.itemNo}项`}</Text>
          <Text className="task-row__title">{task.title}</Text>
        </View>
        <View className="task-row__meta">
          <Text className="task-row__label">{task.label}</Text>
          <StatusTag status={task.status} light={task.light} />
          {mark ? (
            <Text className={`task-row__mark${task.openRequest ? ' task-row__mark--open' : ''}`} data-mark={mark}>
              {mark}
            </Text>
          ) : null}
        </View>
        {comment ? <Text className="task-row__comment">{`审核意见：${comment}`}</Text> : null}
        <View className="task-row__foot">
          <Text className={`task-row__due task-row__due--${task.light}`}>{dueText(task, today)}</Text>
          {task.status === 'exempt' ? null : (
            <Text className="task-row__count">
              {task.evidenceCount > 0 ? `材料 ${task.evidenceCount} 份` : '还没有材料'}
            </Text>
          )}
        </View>
      </View>
      <Text className="task-row__chevron">›</Text>
    </View>
  );
}
