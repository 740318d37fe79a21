import { CalendarAdmin } from '../modules/admin/components/CalendarAdmin';

/** Administration: the working calendar. */
export function AdminCalendarPage() {
  return <CalendarAdmin />;
}
