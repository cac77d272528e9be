import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, callApi } from '../services/api';
import type { Evidence } from '../contract/replies';
import {
  autoRetryDelayMs,
  evidenceName,
  failedItem,
  isResumable,
  queueToDraft,
  refusalBeforeUpload,
  restoreQueue,
  resumeAll,
  type QueueItem,
} from '../services/draftModel';
import { loadDraft, updateDraft } from '../services/drafts';
import {
  discardKept,
  isPathAvailable,
  keepForRetry,
  keepWhileSending,
  reviveKept,
  type PickedEvidence,
} from '../services/filePicker';
import { isOnline, onConnectionBack } from '../services/network';
import { preparePhoto } from '../services/photoCompression';
import { thumbName } from '../services/photoPlan';
import { uploadEvidenceFile, type UploadPlace } from '../services/upload';

export type { UploadPlace };

type Keep = (path: string) => { path: string; saved: boolean };

/** A queued file and its thumbnail kept by `keep`, except what is kept or uploaded already. */
function keptFiles(item: QueueItem, keep: Keep): Pick<QueueItem, 'path' | 'saved' | 'thumbPath' | 'thumbSaved'> {
  const file = item.saved || item.fileId ? { path: item.path, saved: item.saved } : keep(item.path);
  const thumb =
    item.thumbPath && !item.thumbSaved && !item.thumbFileId
      ? keep(item.thumbPath)
      : { path: item.thumbPath, saved: item.thumbSaved };
  return { path: file.path, saved: file.saved, thumbPath: thumb.path, thumbSaved: thumb.saved };
}

let counter = 0;
const newKey = () => `f${Date.now().toString(36)}${(counter += 1).toString(36)}`;
const ACTIVE: ReadonlyArray<QueueItem['status']> = ['waiting', 'preparing', 'uploading'];

/**
 * The files being added to a task as evidence. Each picked file goes at once, one after another: a
 * photo is first made small on the phone (with its thumbnail), then uploaded with its progress in
 * percent, then recorded on the task (`evidence.add`) and leaves the queue. A file that fails on the
 * network stays in the queue (and in the task's draft, so it outlives the app) and goes again by
 * itself when the connection returns, after a pause while the signal is weak, or when the task is
 * opened again; one the server refuses says why and waits for 删除.
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
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const workRef = useRef<() => Promise<void>>(async () => undefined);

  /** Changes the queue; `save: false` for live-only changes (progress), which the draft need not hear of. */
  const commit = useCallback(
    (change: (current: QueueItem[]) => QueueItem[], save = true) => {
      const next = change(itemsRef.current);
      itemsRef.current = next;
      setItems(next);
      if (taskId && save) updateDraft(taskId, { files: queueToDraft(next) });
    },
    [taskId],
  );

  const patch = useCallback(
    (key: string, fields: Partial<QueueItem>, save = true): QueueItem | undefined => {
      commit((current) => current.map((item) => (item.key === key ? { ...item, ...fields } : item)), save);
      return itemsRef.current.find((item) => item.key === key);
    },
    [commit],
  );

  // What was left from last time; in H5 the files kept in the browser first get paths that work again.
  const [restoredFor, setRestoredFor] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    itemsRef.current = [];
    setItems([]);
    if (!taskId) return;
    void reviveKept(loadDraft(taskId)?.files ?? []).then((files) => {
      if (!current) return;
      const restored = restoreQueue(files, isPathAvailable);
      // Picked while the draft was being read: those stay, after what was left from last time.
      const next = [...restored, ...itemsRef.current];
      itemsRef.current = next;
      setItems(next);
      if (restored.length) updateDraft(taskId, { files: queueToDraft(next) });
      setRestoredFor(taskId);
    });
    return () => {
      current = false;
    };
  }, [taskId]);

  const settle = useCallback(() => {
    if (itemsRef.current.some((item) => ACTIVE.includes(item.status))) return;
    const waiters = idleWaiters.current.splice(0);
    for (const resolve of waiters) resolve();
  }, []);

  /** Every resumable file goes again now (the connection is back, or the pause is over). */
  const resume = useCallback(() => {
    if (retryTimer.current) clearTimeout(retryTimer.current);
    retryTimer.current = null;
    if (!itemsRef.current.some(isResumable)) return;
    commit(resumeAll);
    void workRef.current();
  }, [commit]);

  /** After a network failure: try again after a pause while the phone says it is online. */
  const scheduleRetry = useCallback(() => {
    if (retryTimer.current || !isOnline()) return;
    const tries = Math.max(1, ...itemsRef.current.filter(isResumable).map((item) => item.tries ?? 1));
    retryTimer.current = setTimeout(() => {
      retryTimer.current = null;
      if (isOnline()) resume();
    }, autoRetryDelayMs(tries));
  }, [resume]);

  const finish = useCallback(
    (item: QueueItem, evidence: Evidence) => {
      discardKept(item.path, item.saved);
      if (item.thumbPath) discardKept(item.thumbPath, item.thumbSaved);
      commit((current) => current.filter((candidate) => candidate.key !== item.key));
      onAddedRef.current(evidence);
    },
    [commit],
  );

  /** One file, from wherever it stopped last time: made small, uploaded, thumbnail, recorded. */
  const send = useCallback(
    async (start: QueueItem) => {
      if (!taskId) return;
      const key = start.key;
      let item: QueueItem = start;
      const where = placeRef.current;
      if (!where) throw new ApiError('NETWORK', '还没有连上服务器');

      if (item.kind === 'image' && !item.prepared && !item.fileId) {
        patch(key, { status: 'preparing', message: undefined }, false);
        const photo = await preparePhoto({ path: item.path, name: item.name, size: item.size });
        if (photo.path !== item.path) discardKept(item.path, item.saved);
        item =
          patch(key, {
            path: photo.path,
            name: photo.name,
            size: photo.size,
            saved: photo.path === item.path ? item.saved : false,
            originalSize: item.size,
            thumbPath: photo.thumbPath ?? undefined,
            thumbSize: photo.thumbSize || undefined,
            prepared: true,
          }) ?? item;
      }

      if (!item.fileId) {
        const refusal = refusalBeforeUpload(item);
        if (refusal) throw new ApiError('INVALID_ARGUMENT', refusal);
        item = patch(key, keptFiles(item, keepWhileSending)) ?? item;
        patch(key, { status: 'uploading', progress: 0, message: undefined }, false);
        const onProgress = (progress: number) => {
          const current = itemsRef.current.find((candidate) => candidate.key === key);
          if (current && current.status === 'uploading' && current.progress !== progress) {
            patch(key, { progress }, false);
          }
        };
        const uploaded = await uploadEvidenceFile({ path: item.path, name: item.name, size: item.size }, where, {
          onProgress,
        });
        item = patch(key, { fileId: uploaded.fileId, mime: uploaded.mime, size: uploaded.size }) ?? item;
      } else {
        patch(key, { status: 'uploading', progress: 99, message: undefined }, false);
      }

      if (item.thumbPath && !item.thumbFileId && isPathAvailable(item.thumbPath)) {
        try {
          const thumb = await uploadEvidenceFile(
            { path: item.thumbPath, name: thumbName(item.name), size: item.thumbSize ?? 0 },
            where,
            { suffix: '-thumb' },
          );
          item = patch(key, { thumbFileId: thumb.fileId }) ?? item;
        } catch (error) {
          // A refused thumbnail does not hold the photo back: it goes without one.
          if (!(error instanceof ApiError) || error.retryable) throw error;
        }
      }

      if (item.adding) {
        // The last evidence.add got no answer: it may have landed. Look before adding it twice.
        const detail = await callApi('tasks.get', { id: taskId });
        const landed = detail.evidence.find((piece) => piece.fileId === item.fileId);
        if (landed) {
          finish(item, landed);
          return;
        }
      }
      item = patch(key, { adding: true }) ?? item;
      try {
        const { evidence } = await callApi('evidence.add', {
          taskId,
          fileId: item.fileId as string,
          name: evidenceName(item.name),
          size: item.size,
          mime: item.mime ?? '',
          ...(item.thumbFileId ? { thumbFileId: item.thumbFileId } : {}),
        });
        finish(item, evidence);
      } catch (error) {
        // Refused by the server: it answered, so nothing landed.
        if (error instanceof ApiError && !error.retryable) patch(key, { adding: undefined });
        throw error;
      }
    },
    [finish, patch, taskId],
  );

  const work = useCallback(async () => {
    if (running.current || !taskId) return;
    running.current = true;
    try {
      for (;;) {
        const next = itemsRef.current.find((item) => item.status === 'waiting');
        if (!next) break;
        try {
          await send(next);
        } catch (error) {
          const failure =
            error instanceof ApiError ? error : new ApiError('NETWORK', error instanceof Error ? error.message : '');
          const current = itemsRef.current.find((item) => item.key === next.key) ?? next;
          // The file stays to go again; in WeChat it is moved out of the temporary folder so it lasts.
          const failed = failedItem(
            { ...current, ...keptFiles(current, keepForRetry) },
            { message: failure.message, retryable: failure.retryable },
          );
          commit((items) => items.map((item) => (item.key === next.key ? failed : item)));
        }
      }
    } finally {
      running.current = false;
      settle();
      if (itemsRef.current.some(isResumable)) scheduleRetry();
    }
  }, [commit, scheduleRetry, send, settle, taskId]);
  workRef.current = work;

  // Back online: every file that failed on the network goes again at once.
  useEffect(() => onConnectionBack(resume), [resume]);

  // Opening the task again (or the session arriving): what was left from last time goes on by itself.
  const hasPlace = place !== null;
  const restored = taskId !== null && restoredFor === taskId;
  useEffect(() => {
    if (!hasPlace || !restored || !isOnline()) return;
    const timer = setTimeout(resume, 300);
    return () => clearTimeout(timer);
  }, [hasPlace, restored, resume]);

  useEffect(
    () => () => {
      if (retryTimer.current) clearTimeout(retryTimer.current);
    },
    [],
  );

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

  /** 重试 now, without waiting for the pause. */
  const retry = useCallback(
    (key: string) => {
      const item = itemsRef.current.find((candidate) => candidate.key === key);
      if (!item || !isResumable(item)) return;
      patch(key, { status: 'waiting', message: undefined });
      void work();
    },
    [patch, work],
  );

  const remove = useCallback(
    (key: string) => {
      const item = itemsRef.current.find((candidate) => candidate.key === key);
      if (!item || item.status === 'uploading' || item.status === 'preparing') return;
      discardKept(item.path, item.saved);
      if (item.thumbPath) discardKept(item.thumbPath, item.thumbSaved);
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

  const busy = items.some((item) => ACTIVE.includes(item.status));
  /** Files not on the task yet: those refused (to delete), and those that will go again by themselves. */
  const unsent = useCallback(() => {
    const refused = itemsRef.current.filter((item) => item.status === 'failed' && item.refused).length;
    return { refused, waiting: itemsRef.current.length - refused };
  }, []);
  return { items, busy, add, retry, remove, replace, whenIdle, unsent };
}
