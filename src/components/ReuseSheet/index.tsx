import { useState } from 'react';
import { Image, ScrollView, Text, View } from '@tarojs/components';
import { useApi } from '../../hooks/useApi';
import { useBackClose } from '../../hooks/useBackClose';
import type { Evidence } from '../../contract/replies';
import { extensionOf } from '../../services/upload';
import { tileImage } from '../../utils/evidence';
import FileName from '../FileName';
import EmptyState from '../EmptyState';
import ErrorView from '../ErrorView';
import Skeleton from '../Skeleton';
import './index.scss';

/**
 * 用已有材料: one upload can serve several tasks (a 学法 meeting photo for items 33 and 34). Lists
 * the unit's other tasks of the year that have evidence; opening one shows its files to pick from.
 */
export default function ReuseSheet({
  year,
  taskId,
  present,
  linking,
  onPick,
  onClose,
}: {
  year: number;
  taskId: string;
  /** Evidence already on this task (shown as 已添加). */
  present: ReadonlySet<string>;
  linking: string | null;
  onPick: (evidence: Evidence) => void;
  onClose: () => void;
}) {
  const [sourceId, setSourceId] = useState<string | null>(null);
  // The phone's back closes the sheet, not the task.
  useBackClose(true, onClose);
  const list = useApi('tasks.list', { year });
  const source = useApi('tasks.get', sourceId ? { id: sourceId } : null);
  const candidates = (list.data?.tasks ?? []).filter((task) => task.id !== taskId && task.evidenceCount > 0);

  let body;
  if (sourceId === null) {
    if (list.error && !list.data) body = <ErrorView message={list.error.message} onRetry={list.reload} />;
    else if (!list.data) body = <Skeleton rows={3} />;
    else if (candidates.length === 0)
      body = <EmptyState title="本单位其他任务还没有材料" hint="请用「拍照/相册」或「从聊天选文件」上传" />;
    else
      body = candidates.map((task) => (
        <View
          key={task.id}
          className="reuse-sheet__task"
          hoverClass="reuse-sheet__task--hover"
          onClick={() => setSourceId(task.id)}
        >
          <Text className="reuse-sheet__task-title">{`第${task.itemNo}项 ${task.title}`}</Text>
          <Text className="reuse-sheet__task-meta">{`${task.label} · 材料 ${task.evidenceCount} 份`}</Text>
        </View>
      ));
  } else if (source.error && !source.data) {
    body = <ErrorView message={source.error.message} onRetry={source.reload} />;
  } else if (!source.data) {
    body = <Skeleton rows={2} />;
  } else {
    body = source.data.evidence.map((piece) => {
      const added = present.has(piece.id);
      const tile = tileImage(piece);
      return (
        <View
          key={piece.id}
          className={`reuse-sheet__file${added ? ' reuse-sheet__file--added' : ''}`}
          hoverClass="reuse-sheet__task--hover"
          onClick={() => (added || linking ? undefined : onPick(piece))}
        >
          {tile ? (
            <Image className="reuse-sheet__thumb" src={tile} mode="aspectFill" />
          ) : (
            <View className="reuse-sheet__thumb reuse-sheet__thumb--doc">
              <Text>{piece.kind === 'image' ? '照片' : extensionOf(piece.name).toUpperCase() || '文件'}</Text>
            </View>
          )}
          <FileName className="reuse-sheet__file-name" name={piece.name} />
          <Text className="reuse-sheet__file-action">
            {added ? '已添加' : linking === piece.id ? '添加中…' : '用这份'}
          </Text>
        </View>
      );
    });
  }

  return (
    <View className="reuse-sheet" catchMove>
      <View className="reuse-sheet__mask" onClick={onClose} />
      <View className="reuse-sheet__panel">
        <View className="reuse-sheet__head">
          {sourceId ? (
            <Text className="reuse-sheet__back" onClick={() => setSourceId(null)}>
              ‹ 返回
            </Text>
          ) : null}
          <Text className="reuse-sheet__title">{sourceId ? '选一份材料' : '用本单位已上传的材料'}</Text>
          <Text className="reuse-sheet__close" onClick={onClose}>
            关闭
          </Text>
        </View>
        <ScrollView className="reuse-sheet__body" scrollY>
          {body}
        </ScrollView>
      </View>
    </View>
  );
}
