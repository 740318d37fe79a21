import { createContext } from 'react';
import type { User } from '../../../api/types';

/**
 * Why there is no session: never signed in, signed out, the server said it expired, or the
 * server could not be reached to ask (offline, server down: the session may well be fine).
 */
export type SignedOutReason = 'none' | 'signed-out' | 'expired' | 'unreachable';

export interface SessionState {
  status: 'loading' | 'signed-in' | 'signed-out';
  user: User | null;
  reason: SignedOutReason;
  /** After a successful login (the server has set the HttpOnly cookie). */
  signIn: (user: User) => void;
  /** Revokes the session on the server and forgets the user here. */
  signOut: () => Promise<void>;
  /** Asks the server again who is signed in (after `unreachable`). */
  recheck: () => void;
}

export const SessionContext = createContext<SessionState>({
  status: 'loading',
  user: null,
  reason: 'none',
  signIn: () => undefined,
  signOut: () => Promise.resolve(),
  recheck: () => undefined,
});
