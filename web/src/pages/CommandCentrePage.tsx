import { CommandCentre } from '../modules/command-centre/components/CommandCentre';

/** The command centre's big screen (full screen, no console frame). */
export function CommandCentrePage() {
  return <CommandCentre />;
}
