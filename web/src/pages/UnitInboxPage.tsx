import { UnitInbox } from '../modules/unit-inbox/components/UnitInbox';

/** The handling unit's inbox (unit staff and leaders). */
export function UnitInboxPage() {
  return <UnitInbox />;
}
