/**
 * The public portal's shapes (no account; server/src/modules/portal): the coarse public
 * statuses, the rating, the categories and the status page, written by the server and read by
 * the portal. Names are part of the API: never rename one.
 */

/** What the public may know of a case's progress: one coarse status per workflow state. */
export const PUBLIC_STATUSES = [
  'received',
  'verifying',
  'reviewing',
  'accepted',
  'dispatched',
  'in_progress',
  'deferred',
  'checking',
  'closed',
  'not_accepted',
  'cancelled',
] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

/** A resident's rating of a closed report. */
export const SATISFACTION = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];

/** A public category: an enabled Open311 service. */
export interface PublicCategory {
  code: string;
  name: string;
  nameEn: string | null;
  group: string;
  description: string;
}

/** The answer to a new report. */
export interface PublicReportCreated {
  trackingNumber: string;
  number: string;
  status: PublicStatus;
}

/** The public status page of a report: what anyone holding the tracking number may see. */
export interface PublicReportView {
  trackingNumber: string;
  number: string;
  status: PublicStatus;
  statusName: { zh: string; en: string };
  finished: boolean;
  category: { code: string; name: string; nameEn: string | null } | null;
  description: string;
  address: string | null;
  location: { lng: number; lat: number };
  /** The responsible agency (handling unit) once dispatched. */
  agency: string | null;
  reportedAt: string;
  updatedAt: string;
  /** The handling deadline, once dispatched. */
  expectedAt: string | null;
  closedAt: string | null;
  history: { status: PublicStatus; name: { zh: string; en: string }; at: string }[];
  rating: { satisfaction: Satisfaction; comment: string | null; ratedAt: string } | null;
  canRate: boolean;
}
