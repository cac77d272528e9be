import { useApi } from './useApi';

/** One task with its item, evidence, history and what the caller may do (`tasks.get`). */
export function useTaskDetail(id: string | null | undefined) {
  return useApi('tasks.get', id ? { id } : null);
}
