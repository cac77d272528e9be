import Taro from '@tarojs/taro';
import { isEmptyDraft, mergeDraft, type TaskDraft } from './draftModel';

export type { DraftFile, TaskDraft } from './draftModel';

/** One storage key per task, so a draft survives closing the app and never mixes two tasks. */
export function draftKey(taskId: string): string {
  return `task-draft:${taskId}`;
}

export function loadDraft(taskId: string): TaskDraft | null {
  try {
    const stored = Taro.getStorageSync(draftKey(taskId)) as TaskDraft | '' | undefined;
    return stored && typeof stored === 'object' ? stored : null;
  } catch {
    return null;
  }
}

/** Changes some fields of a task's draft (`undefined` removes one) and returns the draft as saved. */
export function updateDraft(taskId: string, patch: Partial<TaskDraft>): TaskDraft {
  const next = mergeDraft(loadDraft(taskId), patch, new Date().toISOString());
  try {
    if (isEmptyDraft(next)) Taro.removeStorageSync(draftKey(taskId));
    else Taro.setStorageSync(draftKey(taskId), next);
  } catch {
    // Storage full or unavailable: the page still works, the draft just does not outlive it.
  }
  return next;
}

export function clearDraft(taskId: string): void {
  try {
    Taro.removeStorageSync(draftKey(taskId));
  } catch {
    // nothing to clear
  }
}
