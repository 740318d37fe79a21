import {
  PUBLIC_STATUS_NAMES,
  publicStatusOf,
  isFinishedState,
  type PublicHistoryEntry,
} from '../portal/public-status';
import type { Open311CaseRow } from './open311.repository';
import type { ServiceAttribute } from './open311.schema';
import type { Open311ServiceRow } from './open311.table';

export type Locale = 'zh' | 'en';

/** What presentRequest needs besides the case row, looked up once per page. */
export interface RequestContext {
  locale: Locale;
  /** An instant in the city's zone, W3C with offset. */
  time(ms: number): string;
  extensions: boolean;
  serviceOf(matterCode: string | null): Open311ServiceRow | undefined;
  /** The catalog name of a matter that is not an Open311 service. */
  matterName(matterCode: string | null): string | null;
  unitName(unitId: string | null): string | null;
  mediaUrl(caseId: string): string | null;
  history(caseId: string): PublicHistoryEntry[];
}

/** One service request, in the field order of the GeoReport v2 specification. */
// A type (not an interface) so it is assignable to XmlValue's index signature.
export type Open311Request = {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string | null;
  service_code: string | null;
  description: string;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number;
  long: number;
  media_url: string | null;
  extended_attributes?: {
    case_number: string;
    grid_code: string;
    state: string;
    public_status: string;
    notes: { datetime: string; status: string; description: string }[];
  };
};

/**
 * A case → an Open311 service request. Public-safe: the reporter's own description, the
 * place, the responsible unit's name and the public status; never a reporter's contact, a
 * staff name, an internal note or a reason.
 */
export function presentRequest(r: Open311CaseRow, c: RequestContext): Open311Request {
  const service = c.serviceOf(r.matter_code);
  const status = publicStatusOf(r.state);
  const out: Open311Request = {
    service_request_id: r.number,
    status: isFinishedState(r.state) ? 'closed' : 'open',
    status_notes: PUBLIC_STATUS_NAMES[status][c.locale],
    service_name: service
      ? c.locale === 'en'
        ? (service.name_en ?? service.name)
        : service.name
      : c.matterName(r.matter_code),
    service_code: r.matter_code,
    description: r.description,
    agency_responsible: c.unitName(r.unit_id),
    service_notice: service?.notice ?? null,
    requested_datetime: c.time(r.created_at),
    updated_datetime: c.time(r.updated_at),
    expected_datetime: r.handle_deadline_at === null ? null : c.time(r.handle_deadline_at),
    address: r.address,
    address_id: null,
    zipcode: null,
    lat: r.lat,
    long: r.lng,
    media_url: c.mediaUrl(r.id),
  };
  if (c.extensions) {
    out.extended_attributes = {
      case_number: r.number,
      grid_code: r.grid_code,
      state: r.state,
      public_status: status,
      notes: c.history(r.id).map((h) => ({
        datetime: c.time(h.at),
        status: h.status,
        description: PUBLIC_STATUS_NAMES[h.status][c.locale],
      })),
    };
  }
  return out;
}

/** An Open311 service's configuration, as the admin API shows it. */
export interface ServiceConfigView {
  matterCode: string;
  serviceCode: string;
  name: string;
  nameEn: string | null;
  description: string;
  group: string;
  keywords: string[];
  notice: string | null;
  attributes: ServiceAttribute[];
  enabled: boolean;
  sort: number;
  createdAt: string;
  updatedAt: string;
}

export function presentServiceConfig(r: Open311ServiceRow): ServiceConfigView {
  return {
    matterCode: r.matter_code,
    serviceCode: r.service_code,
    name: r.name,
    nameEn: r.name_en,
    description: r.description,
    group: r.group_name,
    keywords: r.keywords ? r.keywords.split(',') : [],
    notice: r.notice,
    attributes: JSON.parse(r.attributes) as ServiceAttribute[],
    enabled: r.enabled === 1,
    sort: r.sort,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** Element names of list items in the XML answers. */
export const OPEN311_XML_ITEMS: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  notes: 'note',
  service_request_updates: 'request_update',
};
