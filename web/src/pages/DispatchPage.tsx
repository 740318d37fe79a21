import { DispatchBoard } from '../modules/dispatch/components/DispatchBoard';

/** The dispatch board workspace (dispatchers). */
export function DispatchPage() {
  return <DispatchBoard />;
}
