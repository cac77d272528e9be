import { useApi } from './useApi';
import { useSession } from './useSession';

/**
 * The caller's unit's tasks for a year (`tasks.list`): the current year while `year` is null.
 * Nothing is loaded until the session says the user is bound to a unit.
 */
export function useTaskList(year: number | null) {
  const sessionState = useSession();
  const bound = Boolean(sessionState.session?.user);
  const list = useApi('tasks.list', bound ? (year === null ? {} : { year }) : null);
  return { ...sessionState, bound, list };
}
