import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { authApi } from '../../../api/auth.api';
import { ApiError, setUnauthorizedHandler } from '../../../api/http';
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
 * the route they were on).
 */
export function SessionProvider({ children }: SessionProviderProps) {
  const [user, setUser] = useState<User | null>(null);
  const [status, setStatus] = useState<SessionState['status']>('loading');
  const [reason, setReason] = useState<SignedOutReason>('none');
  // 401s of requests still in flight when the user signs out are not an expiry.
  const signedIn = useRef(false);

  useEffect(() => {
    let live = true;
    authApi.me().then(
      (u) => {
        if (live) {
          signedIn.current = true;
          setUser(u);
          setStatus('signed-in');
        }
      },
      (err: unknown) => {
        if (live) {
          setUser(null);
          setStatus('signed-out');
          setReason(
            err instanceof ApiError && err.code === 'AUTH_SESSION_EXPIRED' ? 'expired' : 'none',
          );
        }
      },
    );
    return () => {
      live = false;
    };
  }, []);

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
    () => ({ status, user, reason, signIn, signOut }),
    [status, user, reason, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
