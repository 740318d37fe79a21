import { useContext } from 'react';
import { SessionContext, type SessionState } from '../states/sessionState';

/** The signed-in user and the sign-in / sign-out operations. */
export function useSession(): SessionState {
  return useContext(SessionContext);
}
