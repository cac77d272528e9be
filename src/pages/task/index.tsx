import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import EmptyState from '../../components/EmptyState';
import ErrorView from '../../components/ErrorView';
import HistoryList from '../../components/HistoryList';
import InstructionBox from '../../components/InstructionBox';
import InstructionList from '../../components/InstructionList';
import BackCatcher from '../../components/BackCatcher';
import ReuseSheet from '../../components/ReuseSheet';
import Skeleton from '../../components/Skeleton';
import { usePageRefresh } from '../../hooks/usePageRefresh';
import { useSession } from '../../hooks/useSession';
import { useTaskDetail } from '../../hooks/useTaskDetail';
import { useInstruction } from '../../hooks/useTaskRequests';
import { shanghaiDate } from '../../core/dates';
import EventCard from './EventCard';
import EvidenceCard from './EvidenceCard';
import GuidanceCard from './GuidanceCard';
import NoteCard from './NoteCard';
import ReportStatusCard from './ReportStatusCard';
import RequestCard from './RequestCard';
import Section from './Section';
import SubmitBar from './SubmitBar';
import TaskHeadCard from './TaskHeadCard';
import TaskTextCard from './TaskTextCard';
import { useNoteDraft } from './useNoteDraft';
import { useTaskEvidence } from './useTaskEvidence';
import { useTaskSubmit } from './useTaskSubmit';
import './index.scss';

/** 任务详情: what the task asks, its evidence, the note, 报送, and what happened so far. */
export default function TaskPage() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : null;
  const { session } = useSession();
  const detail = useTaskDetail(id);
  const data = detail.data;
  const task = data?.task;

  const place = session?.district && task ? { districtId: session.district.id, unitId: task.unitId } : null;
  const evidence = useTaskEvidence(id, data?.evidence, place, detail.reload);
  const note = useNoteDraft(id, task);
  const submission = useTaskSubmit(id, task?.status, note, evidence.uploads, detail.reload);
  const instruction = useInstruction();
  usePageRefresh(detail.reload);

  const today = shanghaiDate(Date.now());
  if (!id) return <EmptyState title="找不到这项任务" hint="请回到「任务」列表重新打开" />;
  if (!data || !task) {
    if (detail.error) return <ErrorView message={detail.error.message} onRetry={detail.reload} />;
    return <Skeleton rows={5} />;
  }

  // Evidence is frozen while submitted (withdraw first) or approved, and an exempt task needs none.
  const submittable = data.can.work && (task.status === 'pending' || task.status === 'returned');
  const editable = submittable;
  const events = data.item.schedule.events;
  const count = evidence.evidence.length;

  return (
    <View className={`task-page${submittable ? ' task-page--with-bar' : ''}`}>
      <BackCatcher />
      {data.instructions.length > 0 ? (
        <View className="task-page__instructions">
          <InstructionList instructions={data.instructions} today={today} first={3} />
        </View>
      ) : null}

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

      <TaskHeadCard task={task} title={data.item.title} today={today} />
      <GuidanceCard item={data.item} />
      <ReportStatusCard detail={data} onChanged={detail.reload} />
      <RequestCard key={`${task.id}-${task.version}`} detail={data} today={today} onChanged={detail.reload} />
      <EvidenceCard evidence={evidence} editable={editable} />
      <NoteCard note={note} reported={task.note} editable={submittable} />
      {events.length > 0 && data.can.work ? <EventCard itemNo={data.item.no} rule={events[0]} today={today} /> : null}
      <TaskTextCard item={data.item} />
      {data.can.instruct ? (
        <Section title="领导批示">
          <InstructionBox
            target={task.unitName}
            busy={instruction.busy}
            onSend={(text) => instruction.add(text, { taskId: task.id })}
            onSent={() => void detail.reload()}
          />
        </Section>
      ) : null}
      <Section title="办理记录">
        <HistoryList history={data.history} today={today} />
      </Section>

      {submittable ? (
        <SubmitBar
          hint={evidence.uploads.busy ? '正在上传材料…' : `材料 ${count} 份 · 说明 ${note.text.trim().length} 字`}
          error={submission.error}
          returned={task.status === 'returned'}
          submitting={submission.submitting}
          uploading={evidence.uploads.busy}
          onSubmit={() => void submission.submit()}
        />
      ) : null}

      {evidence.reuseOpen ? (
        <ReuseSheet
          year={task.year}
          taskId={task.id}
          present={new Set(evidence.evidence.map((piece) => piece.id))}
          linking={evidence.linking}
          onPick={(piece) => void evidence.link(piece)}
          onClose={() => evidence.setReuseOpen(false)}
        />
      ) : null}
    </View>
  );
}
