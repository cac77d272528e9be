import { Text, View } from '@tarojs/components';
import type { HistoryItem } from '../../contract/replies';
import { formatTime } from '../../utils/format';
import './index.scss';

/** What happened to a task, oldest first: who did what and when, and what the reviewer said. */
export default function HistoryList({ history, today }: { history: HistoryItem[]; today?: string }) {
  return (
    <View className="history-list">
      {history.map((entry, index) => {
        const who =
          entry.actorRole === 'system'
            ? entry.actorName
            : [entry.actorName, entry.actorRoleLabel, entry.actorUnitName].filter(Boolean).join(' · ');
        return (
          <View
            key={`${entry.at}-${index}`}
            className={`history-list__entry history-list__entry--${entry.action.replace(/\./g, '-')}`}
            data-action={entry.action}
          >
            <View className="history-list__dot" />
            <View className="history-list__body">
              <View className="history-list__head">
                <Text className="history-list__action">{entry.actionLabel}</Text>
                <Text className="history-list__time">{formatTime(entry.at, today)}</Text>
              </View>
              <Text className="history-list__who">{who}</Text>
              {entry.detail ? <Text className="history-list__detail">{entry.detail}</Text> : null}
              {entry.comment ? <Text className="history-list__comment">{entry.comment}</Text> : null}
            </View>
          </View>
        );
      })}
    </View>
  );
}
