import { useCallback, useRef, useState } from 'react';
import type { ActionName, Payload, Reply } from '../contract/actions';
import { ApiError, callApi } from '../services/api';

/**
 * A write the user starts with a tap. A second tap while the first is running does nothing, so
 * two taps on 报送 make one submission.
 */
export function useMutation<A extends ActionName>(action: A) {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const run = useCallback(
    async (payload: Payload<A>): Promise<Reply<A> | null> => {
      if (running.current) return null;
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        return await callApi(action, payload);
      } catch (caught) {
        const failure = caught instanceof ApiError ? caught : new ApiError('INTERNAL', '操作失败，请重试');
        setError(failure);
        throw failure;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [action],
  );

  return { run, busy, error, clearError: () => setError(null) };
}
