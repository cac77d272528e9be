import { createContext, useCallback, useContext, useEffect, useMemo, useState, type PropsWithChildren } from 'react';
import { ApiError, callApi } from '../services/api';
import { takeEarly } from '../services/earlyCalls';
import type { Session } from '../contract/replies';

export interface SessionState {
  session: Session | null;
  loading: boolean;
  error: ApiError | null;
  reload: () => Promise<void>;
}

const SessionContext = createContext<SessionState>({
  session: null,
  loading: true,
  error: null,
  reload: async () => undefined,
});

/** Who the user is (unit, role), loaded once for the whole app and reloaded after binding. */
export function SessionProvider({ children }: PropsWithChildren) {
  const [session, setSession] = useState<Session | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const early = takeEarly('session.get', {});
      setSession(await (early ?? callApi('session.get', {})).catch(() => callApi('session.get', {})));
      setError(null);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('INTERNAL', '加载失败，请重试'));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const value = useMemo(() => ({ session, loading, error, reload }), [session, loading, error, reload]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  return useContext(SessionContext);
}
