import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type PropsWithChildren,
} from 'react';
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
  // Only the last reload may set the session: a page shown again reloads it too, and that older
  // answer, arriving late, would bring back the identity the user has just left.
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const ticket = (latest.current += 1);
    setLoading(true);
    try {
      const early = takeEarly('session.get', {});
      const answer = await (early ?? callApi('session.get', {})).catch(() => callApi('session.get', {}));
      if (ticket !== latest.current) return;
      setSession(answer);
      setError(null);
    } catch (caught) {
      if (ticket !== latest.current) return;
      setError(caught instanceof ApiError ? caught : new ApiError('INTERNAL', '加载失败，请重试'));
    } finally {
      if (ticket === latest.current) setLoading(false);
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
