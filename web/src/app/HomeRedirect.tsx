import { Navigate } from 'react-router';
import { useSession } from '../modules/session/hooks/useSession';
import { homePathFor } from '../modules/shell/utils/consoleRoute';
import { CONSOLE_ROUTES } from './routes';

/** `/`: the signed-in user's landing page (their role's workspace). */
export function HomeRedirect() {
  const { user } = useSession();
  return <Navigate to={homePathFor(CONSOLE_ROUTES, user?.roles ?? [])} replace />;
}
