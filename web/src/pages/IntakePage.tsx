import { IntakeDesk } from '../modules/intake/components/IntakeDesk';

/** The intake desk workspace (intake clerks, shift leaders). */
export function IntakePage() {
  return <IntakeDesk />;
}
