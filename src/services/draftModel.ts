import { EVIDENCE_NAME_MAX_CHARS, safeFileName } from '../core/files/uploadPolicy';
/**
 * What a task's unsent work looks like while it waits in local storage: the note being written,
 * the id of a 报送 attempt that may have reached the server, and files that did not upload yet.
 * Pure data and functions (no Taro), so the rules are tested without a device.
 */

export type EvidenceKind = 'image' | 'document';

/** A picked file that is not evidence yet: still uploading, or failed and waiting for 重试. */
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
}

export interface TaskDraft {
  note?: string;
  requestId?: string;
  files?: DraftFile[];
  updatedAt?: string;
}

export type QueueStatus = 'waiting' | 'uploading' | 'failed' | 'repick';

export interface QueueItem extends DraftFile {
  status: QueueStatus;
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

export const INTERRUPTED_MESSAGE = '上次没有传完，请点“重试”';
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
  return items.map(({ status: _status, ...file }) => file);
}

/** An evidence name the server accepts: the one file-name rule, at the evidence name's length. */
export function evidenceName(name: string): string {
  return safeFileName(name, undefined, EVIDENCE_NAME_MAX_CHARS);
}
