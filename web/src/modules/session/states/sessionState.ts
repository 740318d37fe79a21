import { createContext } from 'react';
import type { User } from '../../../api/types';

/** Why there is no session: never signed in, signed out, or the server said it expired. */
export type SignedOutReason = 'none' | 'signed-out' | 'expired';

export interface SessionState {
  status: 'loading' | 'signed-in' | 'signed-out';
  user: User | null;
  reason: SignedOutReason;
  /** After a successful login (the server has set the HttpOnly cookie). */
  signIn: (user: User) => void;
  /** Revokes the session on the server and forgets the user here. */
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionState>({
  status: 'loading',
  user: null,
  reason: 'none',
  signIn: () => undefined,
  signOut: () => Promise.resolve(),
});
