import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, callApi } from '../services/api';
import type { Evidence } from '../contract/replies';
import { evidenceName, queueToDraft, restoreQueue, type QueueItem } from '../services/draftModel';
import { loadDraft, updateDraft } from '../services/drafts';
import { discardKept, isPathAvailable, keepForRetry, type PickedEvidence } from '../services/filePicker';
import { uploadEvidenceFile } from '../services/upload';

export interface UploadPlace {
  districtId: string;
  unitId: string;
}

let counter = 0;
const newKey = () => `f${Date.now().toString(36)}${(counter += 1).toString(36)}`;

/**
 * The files being added to a task as evidence. Each picked file uploads at once, one after another,
 * then is recorded on the task (`evidence.add`) and leaves the queue. A file that fails stays in the
 * queue with its reason and 重试; the queue lives in the task's draft, so it outlives the app.
 */
export function useEvidenceUpload(
  taskId: string | null,
  place: UploadPlace | null,
  onAdded: (evidence: Evidence) => void,
) {
  const [items, setItems] = useState<QueueItem[]>([]);
  const itemsRef = useRef<QueueItem[]>([]);
  const placeRef = useRef(place);
  placeRef.current = place;
  const onAddedRef = useRef(onAdded);
  onAddedRef.current = onAdded;
  const running = useRef(false);
  const idleWaiters = useRef<Array<() => void>>([]);

  const commit = useCallback(
    (change: (current: QueueItem[]) => QueueItem[]) => {
      const next = change(itemsRef.current);
      itemsRef.current = next;
      setItems(next);
      if (taskId) updateDraft(taskId, { files: queueToDraft(next) });
    },
    [taskId],
  );

  const patch = useCallback(
    (key: string, fields: Partial<QueueItem>) =>
      commit((current) => current.map((item) => (item.key === key ? { ...item, ...fields } : item))),
    [commit],
  );

  useEffect(() => {
    const restored = taskId ? restoreQueue(loadDraft(taskId)?.files, isPathAvailable) : [];
    itemsRef.current = restored;
    setItems(restored);
  }, [taskId]);

  const settle = useCallback(() => {
    if (itemsRef.current.some((item) => item.status === 'waiting' || item.status === 'uploading')) return;
    const waiters = idleWaiters.current.splice(0);
    for (const resolve of waiters) resolve();
  }, []);

  const work = useCallback(async () => {
    if (running.current || !taskId) return;
    running.current = true;
    try {
      for (;;) {
        const next = itemsRef.current.find((item) => item.status === 'waiting');
        if (!next) break;
        patch(next.key, { status: 'uploading', message: undefined });
        let uploaded = next.fileId ? { fileId: next.fileId, mime: next.mime ?? '', size: next.size } : null;
        try {
          if (!uploaded) {
            const where = placeRef.current;
            if (!where) throw new ApiError('NETWORK', '还没有连上服务器，请稍后点“重试”');
            const result = await uploadEvidenceFile({ path: next.path, name: next.name, size: next.size }, where);
            uploaded = { fileId: result.fileId, mime: result.mime, size: result.size };
            patch(next.key, uploaded);
          }
          const { evidence } = await callApi('evidence.add', {
            taskId,
            fileId: uploaded.fileId,
            name: evidenceName(next.name),
            size: uploaded.size,
            mime: uploaded.mime,
          });
          discardKept(next.path, next.saved);
          commit((current) => current.filter((item) => item.key !== next.key));
          onAddedRef.current(evidence);
        } catch (error) {
          const failure = error instanceof ApiError ? error : new ApiError('NETWORK', '上传失败，请点“重试”');
          // The file stays for 重试; in WeChat it is moved out of the temporary folder so it lasts.
          const kept = uploaded || next.saved ? { path: next.path, saved: next.saved } : keepForRetry(next.path);
          patch(next.key, {
            status: 'failed',
            message: failure.message,
            refused: !uploaded && !failure.retryable,
            path: kept.path,
            saved: kept.saved,
          });
        }
      }
    } finally {
      running.current = false;
      settle();
    }
  }, [commit, patch, settle, taskId]);

  /** Adds picked files to the queue and starts uploading them. */
  const add = useCallback(
    (files: PickedEvidence[]) => {
      if (files.length === 0) return;
      commit((current) => [
        ...current,
        ...files.map((file) => ({ ...file, key: newKey(), status: 'waiting' as const })),
      ]);
      void work();
    },
    [commit, work],
  );

  const retry = useCallback(
    (key: string) => {
      const item = itemsRef.current.find((candidate) => candidate.key === key);
      if (!item || item.status === 'uploading' || item.status === 'waiting') return;
      patch(key, { status: 'waiting', message: undefined, refused: undefined });
      void work();
    },
    [patch, work],
  );

  const remove = useCallback(
    (key: string) => {
      const item = itemsRef.current.find((candidate) => candidate.key === key);
      if (!item || item.status === 'uploading') return;
      discardKept(item.path, item.saved);
      commit((current) => current.filter((candidate) => candidate.key !== key));
      settle();
    },
    [commit, settle],
  );

  /** Replaces a file that must be chosen again with the newly picked one. */
  const replace = useCallback(
    (key: string, file: PickedEvidence) => {
      commit((current) =>
        current.map((item) => (item.key === key ? { ...file, key: newKey(), status: 'waiting' as const } : item)),
      );
      void work();
    },
    [commit, work],
  );

  /** Resolves when nothing is uploading or waiting (failed files may remain). */
  const whenIdle = useCallback(
    () =>
      new Promise<void>((resolve) => {
        idleWaiters.current.push(resolve);
        settle();
      }),
    [settle],
  );

  const busy = items.some((item) => item.status === 'waiting' || item.status === 'uploading');
  return { items, busy, add, retry, remove, replace, whenIdle, unsent: () => itemsRef.current.length };
}
