import type { TaskRecord } from '../src/core/model';
import { StoreConflictError } from '../src/core/ports/Store';
import type { Transition } from '../src/core/workflow';
import type { ApiContext } from './context';

const ATTEMPTS = 4;

/**
 * Applies a change the admin's act makes to a stored task (a list published, a calendar set),
 * one task at a time. A task someone changed meanwhile is read again and the change worked out
 * afresh on what it is now, so nobody's work is overwritten. Returns whether it changed.
 */
export async function applyToStoredTask(
  api: ApiContext,
  task: TaskRecord,
  change: (current: TaskRecord) => Transition | null,
): Promise<boolean> {
  let current: TaskRecord | null = task;
  for (let attempt = 1; current; attempt += 1) {
    const transition = change(current);
    if (!transition) return false;
    try {
      await api.store.commitTaskChange({ before: current, ...transition });
      return true;
    } catch (error) {
      if (!(error instanceof StoreConflictError) || attempt >= ATTEMPTS) throw error;
      current = await api.store.getTask(task.districtId, task.id);
    }
  }
  return false;
}
