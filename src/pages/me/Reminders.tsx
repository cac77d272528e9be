import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import ErrorView from '../../components/ErrorView';
import Skeleton from '../../components/Skeleton';
import { formatDate } from '../../utils/format';
import { usePageRefresh } from '../../hooks/usePageRefresh';
import { useReminders } from '../../hooks/useReminders';
import type { ReminderItem } from '../../contract/replies';

const FIRST = 5;

/** 我的提醒: what the reminder job and 催办 raised for the user, in the app (the H5 app's only channel). */
export default function Reminders() {
  const { data, error, loading, reload, markRead } = useReminders(true);
  const [all, setAll] = useState(false);

  // Back on 我的 after a while: new reminders may have come (the first show is the first load).
  // (The pull-down is 我的's own: it reloads the session.)
  usePageRefresh(reload, { pullDown: false });

  const open = (reminder: ReminderItem) => {
    if (!reminder.read) void markRead([reminder.id]);
    if (reminder.taskId) void Taro.navigateTo({ url: `/pages/task/index?id=${encodeURIComponent(reminder.taskId)}` });
  };

  const reminders = data?.reminders ?? [];
  const shown = all ? reminders : reminders.slice(0, FIRST);
  const unread = data?.unread ?? 0;

  return (
    <View className="me-card me-reminder-list">
      <View className="me-reminder-list__head">
        <Text className="me-card__title">{unread > 0 ? `我的提醒（${unread}条未读）` : '我的提醒'}</Text>
        {unread > 0 ? (
          <Text className="me-reminder-list__all-read" onClick={() => void markRead()}>
            全部标为已读
          </Text>
        ) : null}
      </View>
      {error ? <ErrorView message={error.message} onRetry={() => void reload()} /> : null}
      {loading && !data ? <Skeleton rows={2} /> : null}
      {data && reminders.length === 0 ? (
        <Text className="me-reminders__hint">暂时没有提醒。任务快到期、被退回或被催办时，提醒会出现在这里。</Text>
      ) : null}
      {shown.map((reminder) => (
        <View
          key={reminder.id}
          className={`me-reminder${reminder.read ? '' : ' me-reminder--unread'}`}
          hoverClass="me-link--hover"
          onClick={() => open(reminder)}
        >
          <View className="me-reminder__top">
            <Text className={`me-reminder__kind me-reminder__kind--${reminder.kind}`}>{reminder.kindLabel}</Text>
            <Text className="me-reminder__date">{formatDate(reminder.date)}</Text>
          </View>
          <Text className="me-reminder__title">{reminder.title}</Text>
          <Text className="me-reminder__message">{reminder.message}</Text>
        </View>
      ))}
      {reminders.length > FIRST ? (
        <Text className="me-reminder-list__more" onClick={() => setAll(!all)}>
          {all ? '收起' : `查看全部（${reminders.length}条）`}
        </Text>
      ) : null}
    </View>
  );
}
