import { useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import EmptyState from '../../../../components/EmptyState';
import BackCatcher from '../../../../components/BackCatcher';
import ErrorView from '../../../../components/ErrorView';
import Skeleton from '../../../../components/Skeleton';
import type { QueueKind, QueuedTask } from '../../../../contract/replies';
import { shanghaiDate } from '../../../../core/dates';
import { usePageRefresh } from '../../../../hooks/usePageRefresh';
import { useReviewQueue } from '../../../../hooks/useReviewQueue';
import { ApiError } from '../../../../services/api';
import { formatTime } from '../../../../utils/format';
import FilterSheet from '../../components/FilterSheet';
import ReviewSheet from '../../components/ReviewSheet';
import { KIND_LABEL, nextAfter, requestLine, requestReason, type QueueFilter, type SheetDecision } from '../../logic';
import './index.scss';
import { excerpt } from '../../../../utils/format';

/** Cards shown at first and added each time the list reaches its end: light on an old phone. */
const PAGE = 20;
const KINDS: QueueKind[] = ['report', 'extension', 'exemption'];

function doneToast(kind: QueueKind, decision: SheetDecision): string {
  if (decision === 'approve') return kind === 'report' ? '已通过' : '已同意';
  return decision === 'return' ? '已退回' : '已不同意';
}

function QueueCard({ task, today, onOpen }: { task: QueuedTask; today: string; onOpen: () => void }) {
  const isReport = task.queueKind === 'report';
  const reason = requestReason(task);
  const late = task.queueKind === 'extension' && task.extension?.late;
  return (
    <View
      className={`queue-card${task.resubmitted ? ' queue-card--again' : ''}`}
      hoverClass="queue-card--hover"
      onClick={onOpen}
      data-task-id={task.id}
      data-kind={task.queueKind}
      data-resubmitted={task.resubmitted ? 'yes' : 'no'}
    >
      <View className="queue-card__top">
        <View className="queue-card__tags">
          <Text className={`queue-card__kind queue-card__kind--${task.queueKind}`}>
            {isReport ? '报送' : `${KIND_LABEL[task.queueKind]}申请`}
          </Text>
          {task.resubmitted ? <Text className="queue-card__again">退回后重新报送</Text> : null}
        </View>
        <Text className="queue-card__time">
          {isReport
            ? task.submittedAt
              ? `${formatTime(task.submittedAt, today)} 报送`
              : ''
            : `${formatTime(task.queuedAt, today)} 申请`}
        </Text>
      </View>
      <Text className="queue-card__unit">{task.unitName}</Text>
      <Text className="queue-card__title">{`第${task.itemNo}项 ${task.title}`}</Text>
      <View className="queue-card__meta">
        <Text className="queue-card__label">{task.label}</Text>
        {isReport ? <Text className="queue-card__count">{`材料${task.evidenceCount}份`}</Text> : null}
      </View>
      {isReport ? null : <Text className="queue-card__request">{requestLine(task)}</Text>}
      {late ? <Text className="queue-card__late">申请时已逾期</Text> : null}
      {isReport && task.note ? <Text className="queue-card__note">{excerpt(task.note)}</Text> : null}
      {!isReport && reason ? <Text className="queue-card__note">{`理由：${excerpt(reason)}`}</Text> : null}
      <Text className="queue-card__go">{isReport ? '审核 ›' : '审批 ›'}</Text>
    </View>
  );
}

/**
 * What waits for this reviewer: reports to review and 延期 / 不涉及 requests to decide, by unit, item
 * and kind; resubmissions first, then the oldest. Each opens a sheet; after a decision the next opens.
 */
export default function ReviewQueuePage() {
  const [filter, setFilter] = useState<QueueFilter>({});
  const [choosing, setChoosing] = useState<'unit' | 'item' | null>(null);
  const { tasks, counts, options, error, loading, reload, decide, deciding } = useReviewQueue(true, filter);
  const [openId, setOpenId] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE);
  const today = useMemo(() => shanghaiDate(new Date()), []);

  // Back from a task's page: another reviewer may have decided some meanwhile.
  usePageRefresh(reload);
  useReachBottom(() => setShown((count) => count + PAGE));

  const open = openId && tasks ? (tasks.find((task) => task.id === openId) ?? null) : null;
  const all = counts ? counts.report + counts.extension + counts.exemption : null;
  const unitName = options.units.find((unit) => unit.key === filter.unitId)?.label;
  const itemName = filter.itemNo !== undefined ? `第${filter.itemNo}项` : undefined;

  const change = (next: QueueFilter) => {
    setFilter(next);
    setShown(PAGE);
    setChoosing(null);
  };

  const onDecide = async (decision: SheetDecision, comment: string) => {
    if (!open || !tasks) return;
    const next = nextAfter(tasks, open.id);
    try {
      const result = await decide({
        taskId: open.id,
        kind: open.queueKind,
        decision,
        ...(comment ? { comment } : {}),
      });
      if (!result) return;
      setOpenId(next?.id ?? null);
      const done = doneToast(open.queueKind, decision);
      void Taro.showToast({ title: next ? `${done}，下一项` : done, icon: 'none' });
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
      <BackCatcher />
      <View className="queue__filters">
        <View className="queue__kinds" role="tablist">
          <View
            role="tab"
            aria-selected={filter.kind === undefined}
            className={`queue__kind${filter.kind === undefined ? ' queue__kind--on' : ''}`}
            data-kind="all"
            onClick={() => change({ ...filter, kind: undefined })}
          >
            <Text>{`全部 ${all ?? '–'}`}</Text>
          </View>
          {KINDS.map((kind) => (
            <View
              key={kind}
              role="tab"
              aria-selected={filter.kind === kind}
              className={`queue__kind${filter.kind === kind ? ' queue__kind--on' : ''}`}
              data-kind={kind}
              onClick={() => change({ ...filter, kind })}
            >
              <Text>{`${KIND_LABEL[kind]} ${counts ? counts[kind] : '–'}`}</Text>
            </View>
          ))}
        </View>
        <View className="queue__choosers">
          <View
            className={`queue__chooser${filter.unitId ? ' queue__chooser--on' : ''}`}
            data-chooser="unit"
            onClick={() => setChoosing('unit')}
          >
            <Text className="queue__chooser-text">{`单位：${unitName ?? '全部'}`}</Text>
            <Text className="queue__chooser-arrow">▾</Text>
          </View>
          <View
            className={`queue__chooser${filter.itemNo !== undefined ? ' queue__chooser--on' : ''}`}
            data-chooser="item"
            onClick={() => setChoosing('item')}
          >
            <Text className="queue__chooser-text">{`事项：${itemName ?? '全部'}`}</Text>
            <Text className="queue__chooser-arrow">▾</Text>
          </View>
        </View>
      </View>

      {error ? <ErrorView message={error.message} onRetry={() => void reload()} /> : null}
      {!tasks && loading ? <Skeleton rows={5} /> : null}
      {tasks && tasks.length === 0 ? (
        filter.unitId || filter.itemNo !== undefined || filter.kind ? (
          <EmptyState title="这一类暂时没有待处理的" hint="可以点上方的「全部」或换个单位、事项看看" />
        ) : (
          <EmptyState title="暂无待审核的材料和申请" hint="各单位报送材料或提出申请后会出现在这里，下拉可以刷新" />
        )
      ) : null}
      {tasks && tasks.length > 0 ? (
        <View>
          <View className="queue__summary">
            <Text className="queue__count" id="queue-count">{`${tasks.length}`}</Text>
            <Text className="queue__summary-text">项等待处理：退回后重新报送的排在最前，其余先到先审</Text>
          </View>
          {tasks.slice(0, shown).map((task) => (
            <QueueCard key={task.id} task={task} today={today} onOpen={() => setOpenId(task.id)} />
          ))}
          {tasks.length > shown ? (
            <Text className="queue__more" onClick={() => setShown(shown + PAGE)}>
              {`再显示${Math.min(PAGE, tasks.length - shown)}项（还有${tasks.length - shown}项）`}
            </Text>
          ) : null}
        </View>
      ) : null}

      {choosing === 'unit' ? (
        <FilterSheet
          title="按单位筛选"
          allLabel="全部单位"
          options={options.units}
          chosen={filter.unitId}
          onChoose={(unitId) => change({ ...filter, unitId })}
          onClose={() => setChoosing(null)}
        />
      ) : null}
      {choosing === 'item' ? (
        <FilterSheet
          title="按事项筛选"
          allLabel="全部事项"
          options={options.items}
          chosen={filter.itemNo}
          onChoose={(itemNo) => change({ ...filter, itemNo })}
          onClose={() => setChoosing(null)}
        />
      ) : null}
      {open ? (
        <ReviewSheet task={open} today={today} busy={deciding} onDecide={onDecide} onClose={() => setOpenId(null)} />
      ) : null}
    </View>
  );
}
