import { PortalFrame } from '../modules/portal/components/PortalFrame';
import { PortalHome } from '../modules/portal/components/PortalHome';

/** The public portal (no account): report a problem or track one. */
export function PortalPage() {
  return (
    <PortalFrame>
      <PortalHome />
    </PortalFrame>
  );
}
