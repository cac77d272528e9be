import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import EmptyState from '../../../../components/EmptyState';
import ErrorView from '../../../../components/ErrorView';
import Skeleton from '../../../../components/Skeleton';
import { useReminders } from '../../../../hooks/useReminders';
import { useSession } from '../../../../hooks/useSession';
import type { ReminderItem } from '../../../../services/apiTypes';
import { formatTime } from '../../../../utils/format';
import './index.scss';

const URGENT = new Set<ReminderItem['kind']>(['overdue', 'urge', 'returned', 'due-0']);

/** The caller's reminders (due dates, returns, 催办), newest first; a tap opens the task. */
export default function RemindersPage() {
  const { session } = useSession();
  const { data, error, loading, reload, markAllRead } = useReminders(Boolean(session?.user));

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  const open = (reminder: ReminderItem) => {
    if (reminder.taskId) void Taro.navigateTo({ url: `/pages/task/index?id=${encodeURIComponent(reminder.taskId)}` });
  };

  if (error && !data) return <ErrorView message={error.message} onRetry={() => void reload()} />;
  if (!data)
    return loading ? (
      <Skeleton rows={5} />
    ) : (
      <EmptyState title="请先绑定单位" hint="到「我的」用邀请码绑定后，这里会显示到期和退回提醒" />
    );

  return (
    <View className="reminders">
      <View className="reminders__bar">
        <Text className="reminders__count">{data.unread > 0 ? `${data.unread} 条未读` : '都已读'}</Text>
        {data.unread > 0 ? (
          <Button className="reminders__read-all" size="mini" onClick={() => void markAllRead()}>
            全部标为已读
          </Button>
        ) : null}
      </View>
      {data.reminders.length === 0 ? (
        <EmptyState title="暂时没有提醒" hint="任务临近截止、被退回或被催办时，会在这里提醒您" />
      ) : (
        data.reminders.map((reminder) => (
          <View
            key={reminder.id}
            className={`reminder${reminder.read ? '' : ' reminder--unread'}`}
            onClick={() => open(reminder)}
          >
            <View className="reminder__head">
              <Text className={`reminder__kind${URGENT.has(reminder.kind) ? ' reminder__kind--urgent' : ''}`}>
                {reminder.kindLabel}
              </Text>
              <Text className="reminder__time">{formatTime(reminder.createdAt)}</Text>
            </View>
            <Text className="reminder__title">{reminder.title}</Text>
            <Text className="reminder__message">{reminder.message}</Text>
          </View>
        ))
      )}
    </View>
  );
}
