import { useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import EmptyState from '../../../../components/EmptyState';
import ErrorView from '../../../../components/ErrorView';
import Skeleton from '../../../../components/Skeleton';
import { shanghaiDate } from '../../../../core/dates';
import { usePageRefresh } from '../../../../hooks/usePageRefresh';
import { useReviewQueue } from '../../../../hooks/useReviewQueue';
import { ApiError } from '../../../../services/api';
import type { QueuedTask } from '../../../../contract/replies';
import { formatTime } from '../../../../utils/format';
import ReviewSheet from '../../components/ReviewSheet';
import { excerpt, type ReviewDecision } from '../../logic';
import './index.scss';

/** Cards shown at first and added each time the list reaches its end: light on an old phone. */
const PAGE = 20;

function QueueCard({ task, today, onOpen }: { task: QueuedTask; today: string; onOpen: () => void }) {
  return (
    <View className="queue-card" hoverClass="queue-card--hover" onClick={onOpen} data-task-id={task.id}>
      <View className="queue-card__top">
        <Text className="queue-card__unit">{task.unitName}</Text>
        <Text className="queue-card__time">
          {task.submittedAt ? `${formatTime(task.submittedAt, today)} 报送` : ''}
        </Text>
      </View>
      <Text className="queue-card__title">{`第${task.itemNo}项 ${task.title}`}</Text>
      <View className="queue-card__meta">
        <Text className="queue-card__label">{task.label}</Text>
        <Text className="queue-card__count">{`材料${task.evidenceCount}份`}</Text>
      </View>
      {task.note ? <Text className="queue-card__note">{excerpt(task.note)}</Text> : null}
      <Text className="queue-card__go">审核 ›</Text>
    </View>
  );
}

/** The reports waiting for this reviewer, oldest first; each opens a sheet to approve or return. */
export default function ReviewQueuePage() {
  const { tasks, error, loading, reload, review, reviewing } = useReviewQueue();
  const [openId, setOpenId] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE);
  const today = useMemo(() => shanghaiDate(new Date()), []);

  // Back from a task's page: another reviewer may have decided some reports meanwhile.
  usePageRefresh(reload);
  useReachBottom(() => setShown((count) => count + PAGE));

  const open = openId && tasks ? (tasks.find((task) => task.id === openId) ?? null) : null;

  const decide = async (decision: ReviewDecision, comment: string) => {
    if (!open) return;
    try {
      const result = await review({ taskId: open.id, decision, ...(comment ? { comment } : {}) });
      if (!result) return;
      setOpenId(null);
      void Taro.showToast({ title: decision === 'approve' ? '已通过' : '已退回', icon: 'success' });
    } catch (caught) {
      // Decided by someone else meanwhile, or changed: the list is out of date.
      if (caught instanceof ApiError && ['FAILED_PRECONDITION', 'CONFLICT', 'NOT_FOUND'].includes(caught.code)) {
        void reload();
      }
      throw caught;
    }
  };

  return (
    <View className="queue">
      {error ? <ErrorView message={error.message} onRetry={() => void reload()} /> : null}
      {!tasks && loading ? <Skeleton rows={5} /> : null}
      {tasks && tasks.length === 0 ? (
        <EmptyState title="暂无待审核的材料" hint="各单位报送材料后会出现在这里，下拉可以刷新" />
      ) : null}
      {tasks && tasks.length > 0 ? (
        <View>
          <View className="queue__summary">
            <Text className="queue__count" id="queue-count">{`${tasks.length}`}</Text>
            <Text className="queue__summary-text">份材料等待审核，先报送的排在前面</Text>
          </View>
          {tasks.slice(0, shown).map((task) => (
            <QueueCard key={task.id} task={task} today={today} onOpen={() => setOpenId(task.id)} />
          ))}
          {tasks.length > shown ? (
            <Text className="queue__more" onClick={() => setShown(shown + PAGE)}>
              {`再显示${Math.min(PAGE, tasks.length - shown)}份（还有${tasks.length - shown}份）`}
            </Text>
          ) : null}
        </View>
      ) : null}
      {open ? (
        <ReviewSheet
          key={open.id}
          task={open}
          today={today}
          busy={reviewing}
          onDecide={decide}
          onClose={() => setOpenId(null)}
        />
      ) : null}
    </View>
  );
}
