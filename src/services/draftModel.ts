import {
  EVIDENCE_NAME_MAX_CHARS,
  extensionOf,
  MAX_UPLOAD_BYTES,
  safeFileName,
  typeOfExtension,
  UPLOAD_MESSAGES,
} from '../core/files/uploadPolicy';
/**
 * What a task's unsent work looks like while it waits in local storage: the note being written,
 * the id of a 报送 attempt that may have reached the server, and files that did not upload yet.
 * Pure data and functions (no Taro), so the rules are tested without a device.
 */

export type EvidenceKind = 'image' | 'document';

/** A picked file that is not evidence yet: still uploading, or failed and waiting to go again. */
export interface DraftFile {
  key: string;
  name: string;
  size: number;
  kind: EvidenceKind;
  /** Where the file is on the phone: a saved file in WeChat, a blob: URL in H5 (gone after a reload). */
  path: string;
  /** Set once the bytes are uploaded but the file is not yet recorded on the task. */
  fileId?: string;
  mime?: string;
  /** Why the last try failed, in the server's words. */
  message?: string;
  /** The server refused the file itself (wrong type, too large): trying again will not help. */
  refused?: boolean;
  /** The path is a file saved for later (WeChat), to delete once it is no longer needed. */
  saved?: boolean;
  /** A photo made small on the phone already: `path` and `size` are the small copy's. */
  prepared?: boolean;
  /** The photo's size as it was picked (shown beside the size that is sent). */
  originalSize?: number;
  /** The photo's thumbnail (about 320 px), made with it and uploaded after it. */
  thumbPath?: string;
  thumbSize?: number;
  thumbSaved?: boolean;
  thumbFileId?: string;
  /** `evidence.add` was sent and no answer came: it may have landed, look before adding again. */
  adding?: boolean;
  /** Tries that failed on the network, for the pause before the next automatic one. */
  tries?: number;
}

export interface TaskDraft {
  note?: string;
  requestId?: string;
  files?: DraftFile[];
  updatedAt?: string;
}

export type QueueStatus = 'waiting' | 'preparing' | 'uploading' | 'failed' | 'repick';

export interface QueueItem extends DraftFile {
  status: QueueStatus;
  /** Percent of the bytes sent while uploading (live only, never saved). */
  progress?: number;
}

/** A draft with some fields replaced; `undefined` in the patch removes a field. */
export function mergeDraft(draft: TaskDraft | null, patch: Partial<TaskDraft>, now: string): TaskDraft {
  const merged: TaskDraft = { ...(draft ?? {}), ...patch, updatedAt: now };
  for (const key of Object.keys(merged) as Array<keyof TaskDraft>) if (merged[key] === undefined) delete merged[key];
  if (merged.files && merged.files.length === 0) delete merged.files;
  return merged;
}

/** Nothing worth keeping: no note, no pending submission, no files. */
export function isEmptyDraft(draft: TaskDraft | null): boolean {
  return !draft || (draft.note === undefined && draft.requestId === undefined && !draft.files?.length);
}

export const INTERRUPTED_MESSAGE = '上次没有传完，有网络时会自动接着传';
export const NETWORK_LOST_MESSAGE = '网络不好，没传上去：有网络时会自动接着传';
export const REPICK_MESSAGE = '需要重新选择：文件已不在手机的临时目录里';

/**
 * The queue as it comes back after the app was closed. Nothing is uploading any more; a file whose
 * bytes reached the server only needs recording; a file still on the phone can be tried again; a
 * file whose path is gone (H5 after a reload) must be chosen again, and says so. None is dropped.
 */
export function restoreQueue(files: DraftFile[] | undefined, isAvailable: (path: string) => boolean): QueueItem[] {
  return (files ?? []).map((file) => {
    if (file.fileId) return { ...file, status: 'failed', message: file.message ?? INTERRUPTED_MESSAGE };
    if (file.refused) return { ...file, status: 'failed' };
    if (file.path && isAvailable(file.path)) {
      return { ...file, status: 'failed', message: file.message ?? INTERRUPTED_MESSAGE };
    }
    return { ...file, status: 'repick', message: REPICK_MESSAGE };
  });
}

/** What of the queue is kept in the draft: every file not yet evidence, without its live status. */
export function queueToDraft(items: QueueItem[]): DraftFile[] {
  return items.map(({ status: _status, progress: _progress, ...file }) => file);
}

/**
 * Why a file cannot be sent at all, before a byte leaves the phone (the server checks again by
 * content): empty, over 20 MB (a photo is measured once made small), or not a type we take.
 * Null: it may go.
 */
export function refusalBeforeUpload(file: { name: string; size: number; kind: EvidenceKind }): string | null {
  if (file.size === 0) return UPLOAD_MESSAGES.empty;
  if (file.size > MAX_UPLOAD_BYTES) return UPLOAD_MESSAGES.tooLarge;
  if (file.kind === 'document' && !typeOfExtension(extensionOf(file.name))) return UPLOAD_MESSAGES.unsupported;
  return null;
}

/**
 * A failed try, as the queue keeps it. A network failure is not the file's fault: it says it will go
 * again by itself. A refusal (wrong type, too big, no longer allowed) says why, in the server's
 * words, and is never tried again: only 删除 helps.
 */
export function failedItem(item: QueueItem, failure: { message: string; retryable: boolean }): QueueItem {
  const { progress: _progress, ...rest } = item;
  if (failure.retryable) {
    return {
      ...rest,
      status: 'failed',
      message: NETWORK_LOST_MESSAGE,
      refused: undefined,
      tries: (item.tries ?? 0) + 1,
    };
  }
  return { ...rest, status: 'failed', message: failure.message, refused: true };
}

/** A failed file that will go again by itself (on reconnecting, after a pause, on reopening). */
export function isResumable(item: QueueItem): boolean {
  return item.status === 'failed' && !item.refused;
}

/** The queue with every resumable file waiting again: what happens when the connection returns. */
export function resumeAll(items: QueueItem[]): QueueItem[] {
  return items.map((item) => (isResumable(item) ? { ...item, status: 'waiting', message: undefined } : item));
}

/**
 * The pause before the next automatic try while the phone says it is online (a weak signal, not
 * none): 5 s, 15 s, 30 s, 60 s, then every 2 minutes. Reconnecting does not wait for it.
 */
export function autoRetryDelayMs(tries: number): number {
  const steps = [5_000, 15_000, 30_000, 60_000];
  return steps[Math.max(0, Math.min(tries - 1, steps.length))] ?? 120_000;
}

/** The line under a file's name in the queue. */
export function queueStatusText(item: QueueItem): string {
  switch (item.status) {
    case 'waiting':
      return '等待上传';
    case 'preparing':
      return '正在压缩照片…';
    case 'uploading':
      return item.progress !== undefined ? `正在上传 ${item.progress}%` : '正在上传…';
    case 'repick':
      return item.message ?? REPICK_MESSAGE;
    case 'failed':
      return item.refused
        ? `传不了：${item.message ?? UPLOAD_MESSAGES.unsupported}`
        : (item.message ?? NETWORK_LOST_MESSAGE);
  }
}

/** An evidence name the server accepts: the one file-name rule, at the evidence name's length. */
export function evidenceName(name: string): string {
  return safeFileName(name, undefined, EVIDENCE_NAME_MAX_CHARS);
}
