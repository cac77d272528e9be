import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useDidHide, useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import EmptyState from '../../components/EmptyState';
import ErrorView from '../../components/ErrorView';
import EventForm from '../../components/EventForm';
import EvidenceGrid from '../../components/EvidenceGrid';
import HistoryList from '../../components/HistoryList';
import Light from '../../components/Light';
import ReuseSheet from '../../components/ReuseSheet';
import Skeleton from '../../components/Skeleton';
import StatusTag from '../../components/StatusTag';
import UploadQueue from '../../components/UploadQueue';
import { forgetRecentAnswers } from '../../hooks/useApi';
import { useEvidenceUpload } from '../../hooks/useEvidenceUpload';
import { useMutation } from '../../hooks/useMutation';
import { useReminderOffer } from '../../hooks/useReminders';
import { useSession } from '../../hooks/useSession';
import { useTaskDetail } from '../../hooks/useTaskDetail';
import { ApiError, newRequestId } from '../../services/api';
import type { Evidence, TaskDetailTask } from '../../contract/replies';
import type { QueueItem } from '../../services/draftModel';
import { loadDraft, updateDraft } from '../../services/drafts';
import { pickDocuments, pickPhotos, PickerError, type PickedEvidence } from '../../services/filePicker';
import { openDocument, previewPhotos } from '../../services/fileViewer';
import { daysBetween, shanghaiDate } from '../../core/dates';
import { formatDate, formatDue } from '../../utils/format';
import { mergeEvidence, NOTE_MAX, submitBlocker } from './logic';
import './index.scss';

const NOTE_SAVE_DELAY_MS = 400;

function showError(error: unknown) {
  const message = error instanceof ApiError || error instanceof PickerError ? error.message : '操作失败，请重试';
  void Taro.showToast({ title: message, icon: 'none', duration: 3000 });
}

function dueLine(task: TaskDetailTask, today: string): string {
  const date = `${task.dueDate.slice(0, 4)}年${formatDate(task.dueDate)}`;
  if (task.status !== 'pending' && task.status !== 'returned') return `截止 ${date}`;
  const days = daysBetween(today, task.dueDate);
  return `截止 ${date}（${days > 30 ? `还有${days}天` : formatDue(task.dueDate, today)}）`;
}

/** 任务详情: what the task asks, its evidence, the note, 报送, and what happened so far. */
export default function TaskPage() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : null;
  const { session } = useSession();
  const detail = useTaskDetail(id);
  const data = detail.data;
  const task = data?.task;

  // ---- evidence: what the server listed, plus what was added since it answered ----
  const [added, setAdded] = useState<Evidence[]>([]);
  const [removed, setRemoved] = useState<ReadonlySet<string>>(() => new Set());
  const evidence = useMemo(() => mergeEvidence(data?.evidence ?? [], added, removed), [data?.evidence, added, removed]);
  const onAdded = useCallback((piece: Evidence) => setAdded((current) => [...current, piece]), []);
  const place = session?.district && task ? { districtId: session.district.id, unitId: task.unitId } : null;
  const uploads = useEvidenceUpload(id, place, onAdded);

  // When the queue drains, fetch the task again: counts and history follow the server.
  const wasBusy = useRef(false);
  useEffect(() => {
    if (wasBusy.current && !uploads.busy) {
      forgetRecentAnswers('tasks.list');
      void detail.reload();
    }
    wasBusy.current = uploads.busy;
  }, [uploads.busy, detail]);

  // ---- the note, kept in the draft as it is typed ----
  const [note, setNote] = useState<string | null>(null);
  const noteTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pendingNote = useRef<string | null>(null);
  useEffect(() => {
    if (note === null && task && id) setNote(loadDraft(id)?.note ?? task.note ?? '');
  }, [note, task, id]);
  // Once the task is in (reported or approved), a kept submission id and note have done their work.
  const status = task?.status;
  useEffect(() => {
    if (!id || (status !== 'submitted' && status !== 'approved')) return;
    const draft = loadDraft(id);
    if (draft?.requestId !== undefined || draft?.note !== undefined) {
      updateDraft(id, { requestId: undefined, note: undefined });
    }
  }, [id, status]);
  const flushNote = useCallback(() => {
    if (noteTimer.current) clearTimeout(noteTimer.current);
    noteTimer.current = null;
    if (id && pendingNote.current !== null) updateDraft(id, { note: pendingNote.current });
    pendingNote.current = null;
  }, [id]);
  const changeNote = (value: string) => {
    setNote(value);
    pendingNote.current = value;
    if (noteTimer.current) clearTimeout(noteTimer.current);
    noteTimer.current = setTimeout(flushNote, NOTE_SAVE_DELAY_MS);
  };
  useEffect(() => flushNote, [flushNote]);
  useDidHide(flushNote);

  // ---- refreshing ----
  const firstShow = useRef(true);
  useDidShow(() => {
    if (firstShow.current) {
      firstShow.current = false;
      return;
    }
    void detail.reload();
  });
  usePullDownRefresh(() => {
    void detail.reload().finally(() => Taro.stopPullDownRefresh());
  });

  // ---- actions ----
  const submitMutation = useMutation<{ taskId: string; note: string; requestId: string }, { task: TaskDetailTask }>(
    'report.submit',
  );
  const removeMutation = useMutation<{ evidenceId: string; taskId: string }, Record<string, never>>('evidence.remove');
  const linkMutation = useMutation<{ taskId: string; evidenceId: string }, { evidence: Evidence }>('evidence.link');
  const eventMutation = useMutation<{ itemNo: number; date: string; note?: string }, { task: TaskDetailTask }>(
    'events.record',
  );
  const [submitting, setSubmitting] = useState(false);
  const submittingRef = useRef(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [reuseOpen, setReuseOpen] = useState(false);
  // A refusal about unsent files is stale once the files change.
  const unsentCount = uploads.items.length;
  useEffect(() => setSubmitError(null), [unsentCount]);
  const [linking, setLinking] = useState<string | null>(null);

  const pick = async (picker: () => Promise<PickedEvidence[]>) => {
    try {
      uploads.add(await picker());
    } catch (error) {
      showError(error);
    }
  };

  const repick = async (item: QueueItem) => {
    try {
      const [file] = await (item.kind === 'image' ? pickPhotos(1) : pickDocuments(1));
      if (file) uploads.replace(item.key, file);
    } catch (error) {
      showError(error);
    }
  };

  const remove = async (piece: Evidence) => {
    if (!id) return;
    const answer = await Taro.showModal({
      title: '删除这份材料？',
      content: piece.name,
      confirmText: '删除',
      confirmColor: '#b4282d',
    });
    if (!answer.confirm) return;
    try {
      await removeMutation.run({ evidenceId: piece.id, taskId: id });
      setRemoved((current) => new Set(current).add(piece.id));
      forgetRecentAnswers('tasks.list');
      void detail.reload();
      void Taro.showToast({ title: '已删除', icon: 'success' });
    } catch (error) {
      showError(error);
    }
  };

  const link = async (piece: Evidence) => {
    if (!id || linking) return;
    setLinking(piece.id);
    try {
      const result = await linkMutation.run({ taskId: id, evidenceId: piece.id });
      if (result) {
        setRemoved((current) => {
          const next = new Set(current);
          next.delete(result.evidence.id);
          return next;
        });
        onAdded(result.evidence);
        setReuseOpen(false);
        forgetRecentAnswers('tasks.list');
        void detail.reload();
        void Taro.showToast({ title: '已添加', icon: 'success' });
      }
    } catch (error) {
      showError(error);
    } finally {
      setLinking(null);
    }
  };

  const offerReminderSubscription = useReminderOffer();

  const submit = async () => {
    // WeChat asks about reminders only in answer to a tap: first thing, before any await.
    offerReminderSubscription();
    if (!id || !task || submittingRef.current) return;
    submittingRef.current = true;
    setSubmitting(true);
    setSubmitError(null);
    flushNote();
    try {
      await uploads.whenIdle();
      const blocker = submitBlocker(uploads.unsent());
      if (blocker) {
        setSubmitError(blocker);
        return;
      }
      // One id per submission, kept until it succeeds: a retry after a lost answer is the same one.
      const requestId = loadDraft(id)?.requestId ?? newRequestId();
      updateDraft(id, { requestId });
      await submitMutation.run({ taskId: id, note: (note ?? '').trim(), requestId });
      updateDraft(id, { note: undefined, requestId: undefined });
      forgetRecentAnswers('tasks.list');
      void Taro.showToast({ title: '已报送', icon: 'success' });
      await detail.reload();
    } catch (error) {
      setSubmitError(error instanceof ApiError ? error.message : '报送失败，请重试');
    } finally {
      submittingRef.current = false;
      setSubmitting(false);
    }
  };

  const recordEvent = async (date: string, eventNote: string) => {
    if (!data) return;
    try {
      const result = await eventMutation.run({ itemNo: data.item.no, date, ...(eventNote ? { note: eventNote } : {}) });
      if (!result) return;
      forgetRecentAnswers('tasks.list');
      void Taro.showToast({ title: '已登记', icon: 'success' });
      void Taro.navigateTo({ url: `/pages/task/index?id=${encodeURIComponent(result.task.id)}` });
    } catch {
      // shown in the form
    }
  };

  // ---- rendering ----
  const today = shanghaiDate(Date.now());
  if (!id) return <EmptyState title="找不到这项任务" hint="请回到「任务」列表重新打开" />;
  if (!data || !task) {
    if (detail.error) return <ErrorView message={detail.error.message} onRetry={detail.reload} />;
    return <Skeleton rows={5} />;
  }

  const editable = data.can.work && task.status !== 'approved';
  const submittable = data.can.work && (task.status === 'pending' || task.status === 'returned');
  const events = data.item.schedule.events;
  const present = new Set(evidence.map((piece) => piece.id));
  const noteText = note ?? task.note ?? '';

  return (
    <View className={`task-page${submittable ? ' task-page--with-bar' : ''}`}>
      {task.status === 'returned' && task.reviewComment ? (
        <View className={`task-page__banner task-page__banner--${task.light}`} role="alert">
          <Text className="task-page__banner-title">审核意见：{task.reviewComment}</Text>
          <Text className="task-page__banner-hint">请按意见修改材料或说明后重新报送</Text>
        </View>
      ) : null}

      {detail.error ? (
        <View className="task-page__stale">
          <Text>{`${detail.error.message}（下面是上次的内容）`}</Text>
          <Text className="task-page__stale-retry" onClick={() => void detail.reload()}>
            重试
          </Text>
        </View>
      ) : null}

      <View className="task-page__card task-page__head">
        <View className="task-page__status">
          <Light light={task.light} size="large" />
          <StatusTag status={task.status} light={task.light} />
          <Text className="task-page__no">{`第${task.itemNo}项`}</Text>
        </View>
        <Text className="task-page__label">{task.label}</Text>
        <Text className="task-page__title">{data.item.title}</Text>
        <View className="task-page__due-line">
          <Text className={`task-page__due task-page__due--${task.light}`}>{dueLine(task, today)}</Text>
          {task.estimated ? <Text className="task-page__estimated">预估</Text> : null}
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

      <View className="task-page__card">
        <View className="task-page__section-head">
          <Text className="task-page__section-title">佐证材料</Text>
          <Text className="task-page__section-note">{`${evidence.length} 份`}</Text>
        </View>
        {evidence.length > 0 ? (
          <EvidenceGrid
            evidence={evidence}
            editable={editable}
            onOpenPhoto={previewPhotos}
            onOpenDocument={(piece) => piece.url && void openDocument(piece.url, piece.name)}
            onRemove={(piece) => void remove(piece)}
          />
        ) : (
          <Text className="task-page__empty">
            {editable ? '还没有材料。拍照或选文件后会自动上传。' : '还没有上传材料。'}
          </Text>
        )}
        <UploadQueue
          items={uploads.items}
          onRetry={uploads.retry}
          onRemove={uploads.remove}
          onRepick={(item) => void repick(item)}
        />
        {editable ? (
          <View className="task-page__add">
            <Button className="task-page__add-button task-page__add-button--main" onClick={() => void pick(pickPhotos)}>
              拍照/相册
            </Button>
            <Button className="task-page__add-button" onClick={() => void pick(pickDocuments)}>
              从聊天选文件
            </Button>
            <Button className="task-page__add-button" onClick={() => setReuseOpen(true)}>
              用已有材料
            </Button>
          </View>
        ) : null}
      </View>

      <View className="task-page__card">
        <View className="task-page__section-head">
          <Text className="task-page__section-title">工作说明</Text>
          {submittable ? <Text className="task-page__section-note">{`${noteText.length}/${NOTE_MAX}`}</Text> : null}
        </View>
        {submittable ? (
          <Textarea
            className="task-page__note"
            value={noteText}
            maxlength={NOTE_MAX}
            placeholder="写明做了什么：时间、次数、参加人员、形成的文件（会自动保存草稿）"
            onInput={(event) => changeNote(event.detail.value)}
          />
        ) : (
          <Text className="task-page__note-text">{task.note || '（没有填写说明）'}</Text>
        )}
      </View>

      {events.length > 0 && data.can.work ? (
        <View className="task-page__card">
          <View className="task-page__section-head">
            <Text className="task-page__section-title">登记事件</Text>
          </View>
          <EventForm
            rule={events[0]}
            today={today}
            busy={eventMutation.busy}
            error={eventMutation.error?.message ?? null}
            onRecord={(date, eventNote) => void recordEvent(date, eventNote)}
          />
        </View>
      ) : null}

      <View className="task-page__card">
        <View className="task-page__section-head">
          <Text className="task-page__section-title">任务内容</Text>
        </View>
        <Text className="task-page__path">{data.item.indicatorPath.filter(Boolean).join(' › ')}</Text>
        <Text className="task-page__text" userSelect>
          {data.item.text}
        </Text>
        <View className="task-page__units">
          <Text className="task-page__unit-label">牵头</Text>
          <Text className="task-page__unit-names">{data.item.leadUnits.join('、')}</Text>
        </View>
        <View className="task-page__units">
          <Text className="task-page__unit-label task-page__unit-label--resp">责任</Text>
          <Text className="task-page__unit-names">{data.item.responsibleUnits.join('、')}</Text>
        </View>
      </View>

      <View className="task-page__card">
        <View className="task-page__section-head">
          <Text className="task-page__section-title">办理记录</Text>
        </View>
        <HistoryList history={data.history} today={today} />
      </View>

      {submittable ? (
        <View className="task-page__bar">
          {submitError ? <Text className="task-page__bar-error">{submitError}</Text> : null}
          <View className="task-page__bar-row">
            <Text className="task-page__bar-hint">
              {uploads.busy ? '正在上传材料…' : `材料 ${evidence.length} 份 · 说明 ${noteText.trim().length} 字`}
            </Text>
            <Button
              className={`task-page__submit${submitting ? ' task-page__submit--busy' : ''}`}
              disabled={submitting}
              loading={submitting}
              onClick={() => void submit()}
            >
              {submitting
                ? uploads.busy
                  ? '传完即报送'
                  : '正在报送'
                : task.status === 'returned'
                  ? '重新报送'
                  : '报送'}
            </Button>
          </View>
        </View>
      ) : null}

      {reuseOpen ? (
        <ReuseSheet
          year={task.year}
          taskId={task.id}
          present={present}
          linking={linking}
          onPick={(piece) => void link(piece)}
          onClose={() => setReuseOpen(false)}
        />
      ) : null}
    </View>
  );
}
