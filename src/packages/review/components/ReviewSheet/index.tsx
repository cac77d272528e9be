import { useEffect, useState } from 'react';
import { Image, ScrollView, Text, Textarea, View } from '@tarojs/components';
import AppButton from '../../../../components/AppButton';
import Taro from '@tarojs/taro';
import { shanghaiDate } from '../../../../core/dates';
import ErrorView from '../../../../components/ErrorView';
import Skeleton from '../../../../components/Skeleton';
import FileName from '../../../../components/FileName';
import { useApi } from '../../../../hooks/useApi';
import { useBackClose } from '../../../../hooks/useBackClose';
import { usePhotoViewer } from '../../../../hooks/usePhotoViewer';
import { ApiError } from '../../../../services/api';
import type { QueuedTask } from '../../../../contract/replies';
import { afterLayersClosed } from '../../../../services/backLayer';
import { openDocument } from '../../../../services/fileViewer';
import { IS_WEAPP } from '../../../../services/platform';
import { tileImage } from '../../../../utils/evidence';
import { fileSize, formatDate, formatTime } from '../../../../utils/format';
import {
  changeLines,
  COMMENT_LIMIT,
  KIND_LABEL,
  requestLine,
  reviewCommentProblem,
  type SheetDecision,
} from '../../logic';
import './index.scss';

/**
 * The review of one report, over the queue: who reported what for which item, the note, what changed
 * since it was last returned, the evidence (photos open in the viewer, documents in the phone's
 * reader), and 通过 / 退回. For a 延期 or 不涉及 request: the request and its reason, and 同意 /
 * 不同意. 退回 and 不同意 need a comment; without one nothing is sent. The sheet stays open from one
 * row to the next (the queue gives it the next task after a decision).
 */
export default function ReviewSheet({
  task,
  today,
  busy,
  onDecide,
  onClose,
}: {
  task: QueuedTask;
  today: string;
  busy: boolean;
  /** Sends the decision; resolves when it is done (the next row then opens), throws ApiError if refused. */
  onDecide: (decision: SheetDecision, comment: string) => Promise<void>;
  onClose: () => void;
}) {
  const detail = useApi('tasks.get', { id: task.id });
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const isReport = task.queueKind === 'report';

  // The next row: a fresh comment.
  useEffect(() => {
    setComment('');
    setProblem(null);
  }, [task.id]);

  const decide = async (decision: SheetDecision) => {
    if (busy) return;
    const refusal = reviewCommentProblem(decision, comment);
    if (refusal) {
      setProblem(refusal);
      return;
    }
    setProblem(null);
    try {
      await onDecide(decision, comment.trim());
    } catch (caught) {
      setProblem(caught instanceof ApiError ? caught.message : '提交没有成功，请重试');
    }
  };

  /** Closing loses a comment being written: ask first. Resolves false when the sheet stays. */
  const close = async (): Promise<boolean> => {
    if (comment.trim() === '') {
      onClose();
      return true;
    }
    const { confirm } = await Taro.showModal({
      title: '放弃这条审核意见？',
      content: '关闭后，已填写的意见不会保存。',
      confirmText: '放弃',
      cancelText: '继续填写',
    });
    if (confirm) onClose();
    return confirm;
  };

  const photos = usePhotoViewer();
  // The phone's back closes the sheet (asking first about a comment being written), not the queue.
  useBackClose(true, close);
  // WeChat: leaving the page by its back with a comment written asks first too.
  const writing = comment.trim() !== '';
  useEffect(() => {
    if (!IS_WEAPP) return;
    try {
      if (writing) Taro.enableAlertBeforeUnload({ message: '已填写的审核意见还没有提交，离开后不会保存。' });
      else Taro.disableAlertBeforeUnload();
    } catch {
      // an old base library: 关闭 still asks
    }
  }, [writing]);
  useEffect(
    () => () => {
      if (IS_WEAPP) void Promise.resolve(Taro.disableAlertBeforeUnload?.()).catch(() => undefined);
    },
    [],
  );

  /** 查看任务详情: the sheet closes first (its back entry goes), then the task opens. */
  const openTask = async () => {
    if (!(await close())) return;
    await afterLayersClosed();
    void Taro.navigateTo({ url: `/pages/task/index?id=${task.id}` });
  };

  const evidence = detail.data?.evidence ?? [];
  const images = evidence.filter((item) => item.kind === 'image');
  const documents = evidence.filter((item) => item.kind !== 'image');
  const photoUrls = images.flatMap((item) => (item.url ? [item.url] : []));
  const lastReturn = [...(detail.data?.history ?? [])].reverse().find((entry) => entry.action === 'return');
  const late = task.submittedAt ? shanghaiDate(new Date(task.submittedAt)) > task.dueDate : false;
  const changes = task.changesSinceReturn;
  const request =
    task.queueKind === 'extension' ? task.extension : task.queueKind === 'exemption' ? task.exemption : null;

  return (
    <View className="sheet">
      {photos.viewer}
      {/* catchMove on the mask and the header, not around the ScrollView: the page behind stays put. */}
      <View className="sheet__mask" catchMove onClick={() => void close()} />
      <View
        className="sheet__panel"
        role="dialog"
        aria-label={`${isReport ? '审核' : '审批'} ${task.unitName} 第${task.itemNo}项`}
        data-task-id={task.id}
        data-kind={task.queueKind}
      >
        <View className="sheet__head" catchMove>
          <Text className="sheet__unit">{task.unitName}</Text>
          <View className="sheet__close" role="button" aria-label="关闭" onClick={() => void close()}>
            <Text>关闭</Text>
          </View>
        </View>
        <ScrollView className="sheet__scroll" scrollY enhanced showScrollbar={false}>
          <Text className="sheet__title">{`第${task.itemNo}项 ${detail.data?.item.title ?? task.title}`}</Text>
          <View className="sheet__meta">
            <Text className="sheet__label">{task.label}</Text>
            <Text>{`应于${formatDate(task.dueDate)}前报送`}</Text>
            {isReport && task.submittedAt ? <Text>{`${formatTime(task.submittedAt, today)} 报送`}</Text> : null}
            {isReport && late ? <Text className="sheet__late">逾期报送</Text> : null}
            {task.resubmitted ? <Text className="sheet__again">退回后重新报送</Text> : null}
          </View>
          {detail.data ? <Text className="sheet__requirement">{detail.data.item.text}</Text> : null}

          {request ? (
            <View className="sheet__request" data-request={task.queueKind}>
              <Text className="sheet__request-title">{`${KIND_LABEL[task.queueKind]}申请`}</Text>
              <Text className="sheet__request-line">{requestLine(task)}</Text>
              <Text className="sheet__request-line" userSelect>{`理由：${request.reason}`}</Text>
              <Text className="sheet__request-who">
                {`${request.requestedByName} · ${formatTime(request.requestedAt, today)} 申请`}
              </Text>
              {task.queueKind === 'extension' && task.extension?.late ? (
                <Text className="sheet__late">申请时已逾期</Text>
              ) : null}
            </View>
          ) : null}

          {changes ? (
            <View className="sheet__changes" data-changes="since-return">
              <Text className="sheet__changes-title">{`上次退回（${formatTime(changes.returnedAt, today)}）后的修改`}</Text>
              {changes.returnComment ? (
                <Text className="sheet__changes-comment">{`退回意见：${changes.returnComment}`}</Text>
              ) : null}
              {changeLines(changes).map((line) => (
                <Text key={line} className="sheet__changes-line">
                  {line}
                </Text>
              ))}
            </View>
          ) : null}

          {isReport ? <Text className="sheet__section">报送说明</Text> : null}
          {isReport ? (
            <Text className="sheet__note" userSelect>
              {task.note || '（未填写说明）'}
            </Text>
          ) : null}

          {isReport && !changes && lastReturn?.comment ? (
            <View className="sheet__previous">
              <Text className="sheet__previous-title">{`上次退回意见（${formatTime(lastReturn.at, today)}）`}</Text>
              <Text className="sheet__previous-text">{lastReturn.comment}</Text>
            </View>
          ) : null}

          {isReport ? (
            <View>
              <Text className="sheet__section">{`佐证材料（${detail.data ? evidence.length : task.evidenceCount}份）`}</Text>
              {detail.error ? <ErrorView message={detail.error.message} onRetry={() => void detail.reload()} /> : null}
              {!detail.data && detail.loading ? <Skeleton rows={1} /> : null}
              {detail.data && evidence.length === 0 ? <Text className="sheet__none">没有上传材料</Text> : null}
              {images.length > 0 ? (
                <View className="sheet__photos">
                  {images.map((item) => {
                    const tile = tileImage(item);
                    return (
                      <View
                        key={item.id}
                        className="sheet__photo"
                        onClick={() => item.url && photos.open(item.url, photoUrls)}
                        aria-label={`查看照片 ${item.name}`}
                      >
                        {tile ? (
                          <Image className="sheet__photo-img" src={tile} mode="aspectFill" />
                        ) : (
                          <View className="sheet__photo-none">
                            <Text>{`照片 ${fileSize(item.size)}`}</Text>
                          </View>
                        )}
                      </View>
                    );
                  })}
                </View>
              ) : null}
              {documents.map((item) => (
                <View
                  key={item.id}
                  className="sheet__doc"
                  hoverClass="sheet__doc--hover"
                  onClick={() =>
                    item.url
                      ? void openDocument(item)
                      : void Taro.showToast({ title: '这份文件暂时打不开，请稍后重试', icon: 'none' })
                  }
                >
                  <Text className="sheet__doc-kind">{item.mime === 'application/pdf' ? 'PDF' : '文档'}</Text>
                  <FileName className="sheet__doc-name" name={item.name} />
                  <Text className="sheet__doc-size">{fileSize(item.size)}</Text>
                </View>
              ))}
            </View>
          ) : null}
          <Text className="sheet__link" onClick={() => void openTask()}>
            查看任务详情和办理记录 ›
          </Text>
        </ScrollView>

        <View className="sheet__foot">
          <Textarea
            className="sheet__comment"
            value={comment}
            placeholder={
              isReport ? '审核意见：退回时必填，写明需要补充或修改的内容' : '审批意见：不同意时必填，写明理由'
            }
            maxlength={COMMENT_LIMIT}
            fixed
            onInput={(event) => {
              setComment(event.detail.value);
              if (problem) setProblem(null);
            }}
          />
          {problem ? (
            <View className="sheet__problem" role="alert">
              <Text>{problem}</Text>
            </View>
          ) : null}
          <View className="sheet__actions">
            <AppButton
              className="sheet__return"
              disabled={busy}
              onClick={() => void decide(isReport ? 'return' : 'refuse')}
            >
              {isReport ? '退回' : '不同意'}
            </AppButton>
            <AppButton className="sheet__approve" loading={busy} onClick={() => void decide('approve')}>
              {isReport ? '通过' : '同意'}
            </AppButton>
          </View>
        </View>
      </View>
    </View>
  );
}
