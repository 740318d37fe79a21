import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { authApi } from '../../../api/auth.api';
import { ApiError, NETWORK_ERROR, setUnauthorizedHandler } from '../../../api/http';
import type { User } from '../../../api/types';
import { clearCache } from '../../core/utils/cached';
import { SessionContext, type SessionState, type SignedOutReason } from '../states/sessionState';

export interface SessionProviderProps {
  children: ReactNode;
}

/**
 * Knows who is signed in. The session lives in an HttpOnly cookie the console cannot read, so
 * it asks the server (`/auth/me`) on start, and treats a 401 from any later call as the
 * session's end: the user goes back to the login page with a message (RequireSession keeps
 * the route they were on). When the server cannot be reached at all (offline, down, a 5xx
 * from a proxy), that says nothing about the session: the reason is `unreachable`, the
 * console says so, and the provider asks again with a growing pause.
 */
export function SessionProvider({ children }: SessionProviderProps) {
  const [user, setUser] = useState<User | null>(null);
  const [status, setStatus] = useState<SessionState['status']>('loading');
  const [reason, setReason] = useState<SignedOutReason>('none');
  // 401s of requests still in flight when the user signs out are not an expiry.
  const signedIn = useRef(false);

  // Bumped to ask the server again (a retry after it could not be reached).
  const [attempt, setAttempt] = useState(0);
  const recheck = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    authApi.me().then(
      (u) => {
        if (live) {
          signedIn.current = true;
          setUser(u);
          setReason('none');
          setStatus('signed-in');
        }
      },
      (err: unknown) => {
        if (!live) {
          return;
        }
        setUser(null);
        setStatus('signed-out');
        if (isUnreachable(err)) {
          // Not an answer about the session: say so, and ask again by itself.
          setReason('unreachable');
          retry = setTimeout(recheck, Math.min(30_000, 2_000 * 2 ** Math.min(attempt, 4)));
          return;
        }
        setReason(
          err instanceof ApiError && err.code === 'AUTH_SESSION_EXPIRED' ? 'expired' : 'none',
        );
      },
    );
    return () => {
      live = false;
      clearTimeout(retry);
    };
  }, [attempt, recheck]);

  useEffect(
    () =>
      setUnauthorizedHandler(() => {
        if (!signedIn.current) {
          return;
        }
        signedIn.current = false;
        clearCache();
        setUser(null);
        setStatus('signed-out');
        setReason('expired');
      }),
    [],
  );

  const signIn = useCallback((u: User) => {
    signedIn.current = true;
    clearCache();
    setUser(u);
    setReason('none');
    setStatus('signed-in');
  }, []);

  const signOut = useCallback(async () => {
    signedIn.current = false;
    try {
      await authApi.logout();
    } catch {
      // Already expired or offline: the user is signed out here either way.
    }
    clearCache();
    setUser(null);
    setReason('signed-out');
    setStatus('signed-out');
  }, []);

  const value = useMemo<SessionState>(
    () => ({ status, user, reason, signIn, signOut, recheck }),
    [status, user, reason, signIn, signOut, recheck],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** A failure that is not the server's answer about the session. */
function isUnreachable(err: unknown): boolean {
  return !(err instanceof ApiError) || err.code === NETWORK_ERROR || err.status >= 500;
}
