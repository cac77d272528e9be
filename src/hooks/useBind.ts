import { useCallback, useRef, useState } from 'react';
import { forgetRecentAnswers } from './useApi';
import { useSession } from './useSession';
import { ApiError, callApi } from '../services/api';
import { demoOpenid, newDemoOpenid, setDemoOpenid } from '../services/identity';
import { IS_H5 } from '../services/platform';

/**
 * Binding with an invite code. On a weak network the reply can be lost after the server bound the
 * user; the retry is then refused as 已经绑定, so that refusal is checked against the session and
 * taken as success when the user is in fact bound.
 */
export function useBind() {
  const { reload } = useSession();
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const bind = useCallback(
    async (inviteCode: string, name: string): Promise<boolean> => {
      if (running.current) return false;
      running.current = true;
      setBusy(true);
      setError(null);
      // The H5 demo needs an identity to bind: a visitor who has none becomes a new one.
      if (IS_H5 && !demoOpenid()) setDemoOpenid(newDemoOpenid());
      try {
        try {
          await callApi('session.bind', { inviteCode, name });
        } catch (caught) {
          const failure = caught instanceof ApiError ? caught : new ApiError('INTERNAL', '绑定失败，请重试');
          const maybeBound = failure.code === 'FAILED_PRECONDITION' && failure.message.includes('已经绑定');
          const session = maybeBound ? await callApi('session.get', {}).catch(() => null) : null;
          if (!session?.user) {
            setError(failure);
            return false;
          }
        }
        forgetRecentAnswers();
        await reload();
        return true;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [reload],
  );

  return { bind, busy, error, clearError: () => setError(null) };
}
