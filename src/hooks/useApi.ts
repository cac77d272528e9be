import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionName, Payload, Reply } from '../contract/actions';
import { ApiError, callApi } from '../services/api';
import { takeEarly } from '../services/earlyCalls';

export interface ApiState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => Promise<void>;
}

/** Answers seen this session, so a page opened again shows them at once while it refreshes. */
const recent = new Map<string, unknown>();

/**
 * Loads one action for a page: one call per load, the last answer shown while a reload runs,
 * and the server's message when it fails. `payload` null means "not yet" (e.g. no session).
 */
export function useApi<A extends ActionName>(action: A, payload: Payload<A> | null): ApiState<Reply<A>> {
  type T = Reply<A>;
  const key = payload === null ? null : `${action}:${JSON.stringify(payload)}`;
  const [data, setData] = useState<T | null>(() => (key ? ((recent.get(key) as T) ?? null) : null));
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(key !== null);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    if (key === null) return;
    const ticket = (latest.current += 1);
    setLoading(true);
    try {
      const early = takeEarly(action, payload as Payload<A>);
      const answer = await (early ?? callApi(action, payload as Payload<A>)).catch((failure: unknown) => {
        // An early call that failed is asked again, once, as the page would have.
        if (early) return callApi(action, payload as Payload<A>);
        throw failure;
      });
      if (ticket !== latest.current) return;
      recent.set(key, answer);
      setData(answer);
      setError(null);
    } catch (caught) {
      if (ticket !== latest.current) return;
      setError(caught instanceof ApiError ? caught : new ApiError('INTERNAL', '加载失败，请重试'));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
    // The key stands for action and payload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(() => {
    if (key !== null) setData((recent.get(key) as T) ?? null);
    void reload();
  }, [key, reload]);

  return { data, error, loading, reload };
}

/** Forgets remembered answers (after a write, so lists are not shown stale). */
export function forgetRecentAnswers(prefix = ''): void {
  for (const key of [...recent.keys()]) if (key.startsWith(prefix)) recent.delete(key);
}
