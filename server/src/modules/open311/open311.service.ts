import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context';
import type { Database } from '../../db/database';
import { appError } from '../../lib/app-error';
import { randomToken, uuidv7 } from '../../lib/ids';
import type { Actor } from '../auth/actor';
import type { CasesService } from '../cases/cases.service';
import { formatInstant, parseInstant } from '../clock';
import { newTrackingCode } from '../portal/tracking-code';
import {
  isFinishedState,
  PUBLIC_STATUS_NAMES,
  publicHistory,
  publicStatusOf,
} from '../portal/public-status';
import {
  open311Repository as repo,
  type Open311CaseRow,
  type PublicCaseFilter,
} from './open311.repository';
import {
  presentRequest,
  presentServiceConfig,
  type Locale,
  type Open311Request,
  type RequestContext,
  type ServiceConfigView,
} from './open311.presenter';
import type { CreateKeyBody, PutServiceBody, ServiceAttribute } from './open311.schema';
import { DEFAULT_OPEN311_SERVICES } from './open311.seed';
import type { ApiClientRow, Open311ServiceRow } from './open311.table';
import type { XmlValue } from './xml';

/** The GeoReport v2 specification the endpoints follow. */
export const GEOREPORT_V2_SPEC = 'http://wiki.open311.org/GeoReport_v2';

/** Requests per page unless page_size says otherwise (the specification's default). */
export const DEFAULT_PAGE_SIZE = 1000;
export const MAX_PAGE_SIZE = 1000;
/** Without a date filter, GET requests and updates cover the last 90 days (as the spec says). */
export const DEFAULT_WINDOW_MS = 90 * 86_400_000;

const KEY_PREFIX = 'cl311_';
const SEEDED_KEY = 'open311.services_seeded_at';

/** What the Open311 module needs from the others (wired in services.ts). */
export interface Open311Deps {
  intake: CasesService['intake'];
  /** The active registration conditions of a matter, by seq. */
  conditions(matterCode: string): Promise<{ id: string; seq: number; name: string }[]>;
  /** A catalog matter, or null when unknown. */
  matter(code: string): Promise<{
    code: string;
    name: string;
    nameEn: string | null;
    majorName: string;
    active: boolean;
  } | null>;
  /** The name of a unit, or null when unknown. */
  unitName(unitId: string): Promise<string | null>;
  /** The city region (its code is the jurisdiction_id), or null when none is configured. */
  city(): { code: string; name: string } | null;
}

/** Query and form parameters as the HTTP edge hands them over. */
export type Params = Record<string, unknown>;

export interface Open311Service {
  code: string;
  name: string;
  nameEn: string | null;
  group: string;
  description: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function invalid(description: string): never {
  throw appError('OPEN311_REQUEST_INVALID', description);
}

/** One text parameter: the first of repeated values, trimmed; undefined when absent or empty. */
function text(p: Params, name: string): string | undefined {
  let v = p[name];
  if (Array.isArray(v)) {
    v = v[0];
  }
  if (v === undefined || v === null) {
    return undefined;
  }
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
    invalid(`${name} must be a single value`);
  }
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

/** A comma-delimited list parameter (also given several times). */
function list(p: Params, name: string): string[] | undefined {
  const v = p[name];
  const parts = (Array.isArray(v) ? v : [v])
    .filter((x): x is string | number => typeof x === 'string' || typeof x === 'number')
    .flatMap((x) => String(x).split(','))
    .map((x) => x.trim())
    .filter(Boolean);
  return parts.length > 0 ? parts : undefined;
}

function limitedText(p: Params, name: string, max: number): string | undefined {
  const v = text(p, name);
  if (v !== undefined && v.length > max) {
    invalid(`${name} is longer than ${max} characters`);
  }
  return v;
}

function intParam(p: Params, name: string, min: number, max: number): number | undefined {
  const v = text(p, name);
  if (v === undefined) {
    return undefined;
  }
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
    invalid(`${name} must be a whole number from ${min} to ${max}`);
  }
  return Number(v);
}

function localeOf(p: Params): Locale {
  return text(p, 'locale')?.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** The attribute values of a POST: `attribute[code]=v` form fields or an `attribute` object. */
function attributesOf(p: Params): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(p)) {
    const m = /^attribute\[([^\]]+)\]$/.exec(k);
    if (m?.[1]) {
      const value = text({ v }, 'v');
      if (value !== undefined) {
        out[m[1]] = value;
      }
    }
  }
  const nested = p.attribute;
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
    for (const [k, v] of Object.entries(nested as Record<string, unknown>)) {
      const value = text({ v }, 'v');
      if (value !== undefined && out[k] === undefined) {
        out[k] = value;
      }
    }
  }
  return out;
}

export type Open311ServiceApi = ReturnType<typeof createOpen311Service>;

/**
 * Open311 GeoReport v2: the public service list (a subset of matters chosen by an admin),
 * service definitions from registration conditions, request intake into the one case model,
 * public request views and status updates, tokens, API keys per client.
 */
export function createOpen311Service(ctx: AppContext, deps: Open311Deps) {
  const db = ctx.store.db;
  const tz = ctx.config.timezone;
  const now = () => ctx.clock.now();
  const time = (ms: number) => formatInstant(ms, tz);

  /**
   * Parses a W3C date-time parameter. A '+' of an offset sent unencoded arrives as a space;
   * it is read back as '+'.
   */
  function dateParam(p: Params, name: string): number | undefined {
    const v = text(p, name);
    if (v === undefined) {
      return undefined;
    }
    const ms = parseInstant(v.replace(/ (\d{2}(?::?\d{2})?)$/, '+$1'), tz);
    if (ms === null) {
      invalid(`${name} must be a W3C date-time such as 2026-11-23T09:00:00+08:00`);
    }
    return ms;
  }

  /** jurisdiction_id, when given, must be the city's region code. */
  function checkJurisdiction(p: Params): void {
    const j = text(p, 'jurisdiction_id');
    if (j !== undefined && j !== deps.city()?.code) {
      throw appError('OPEN311_JURISDICTION_NOT_FOUND', `jurisdiction_id ${j} was not found`);
    }
  }

  async function enabledService(code: string): Promise<Open311ServiceRow> {
    const row = await repo.findService(db, code);
    const matter = row?.enabled === 1 ? await deps.matter(row.matter_code) : null;
    if (!row || !matter?.active) {
      throw appError('OPEN311_SERVICE_NOT_FOUND', `service_code ${code} was not found`);
    }
    return row;
  }

  async function enabledServices(): Promise<Open311ServiceRow[]> {
    const rows = await repo.listServices(db, { enabledOnly: true });
    const matters = await Promise.all(rows.map((r) => deps.matter(r.matter_code)));
    return rows.filter((_, i) => matters[i]?.active === true);
  }

  function extraAttributes(row: Open311ServiceRow): ServiceAttribute[] {
    return JSON.parse(row.attributes) as ServiceAttribute[];
  }

  /** The Open311 attributes of a service: the condition list (when >1) and the extra ones. */
  async function attributesOfService(row: Open311ServiceRow, locale: Locale) {
    const conditions = await deps.conditions(row.matter_code);
    const attrs: { [key: string]: XmlValue }[] = [];
    if (conditions.length > 1) {
      attrs.push({
        variable: true,
        code: 'condition',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description:
          locale === 'en' ? 'Choose the case that fits best' : '请选择最符合的情形',
        order: 1,
        description: locale === 'en' ? 'Which case is it?' : '问题情形',
        values: conditions.map((c) => ({ key: String(c.seq), name: c.name })),
      });
    }
    for (const a of extraAttributes(row)) {
      attrs.push({
        variable: true,
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        datatype_description: null,
        order: attrs.length + 1,
        description: a.description,
      });
    }
    return { attrs, conditions };
  }

  /** Everything presentRequest needs about a page of cases, looked up once. */
  async function requestContext(
    rows: Open311CaseRow[],
    withNotes: boolean,
    baseUrl: string,
    locale: Locale,
  ): Promise<RequestContext> {
    const ids = rows.map((r) => r.id);
    const services = new Map(
      (await repo.listServices(db, { enabledOnly: false })).map((s) => [s.matter_code, s]),
    );
    const unitIds = [...new Set(rows.map((r) => r.unit_id).filter((x): x is string => x !== null))];
    const units = new Map(
      await Promise.all(unitIds.map(async (id) => [id, await deps.unitName(id)] as const)),
    );
    const matterCodes = [
      ...new Set(rows.map((r) => r.matter_code).filter((x): x is string => x !== null)),
    ];
    const matters = new Map(
      await Promise.all(
        matterCodes
          .filter((c) => !services.has(c))
          .map(async (c) => [c, await deps.matter(c)] as const),
      ),
    );
    const photos = await repo.reportPhotos(db, ids);
    const submitted = new Map((await repo.requestsOfCases(db, ids)).map((r) => [r.case_id, r]));
    const events = new Map<string, { id: string; seq: number; at: number; toState: string }[]>();
    if (withNotes) {
      for (const e of await repo.eventsOfCases(db, ids)) {
        const l = events.get(e.case_id) ?? [];
        l.push({ id: e.id, seq: e.seq, at: e.at, toState: e.to_state });
        events.set(e.case_id, l);
      }
    }
    return {
      locale,
      time,
      extensions: withNotes,
      serviceOf: (code) => (code ? services.get(code) : undefined),
      matterName: (code) => {
        const m = code ? matters.get(code) : null;
        return m ? (locale === 'en' ? (m.nameEn ?? m.name) : m.name) : null;
      },
      unitName: (id) => (id ? (units.get(id) ?? null) : null),
      mediaUrl: (caseId) => {
        const photo = photos.get(caseId);
        return photo
          ? `${baseUrl}/open311/v2/media/${photo}`
          : (submitted.get(caseId)?.media_url ?? null);
      },
      history: (caseId) => publicHistory(events.get(caseId) ?? []),
    };
  }

  async function present(
    rows: Open311CaseRow[],
    p: Params,
    baseUrl: string,
  ): Promise<Open311Request[]> {
    const extensions = text(p, 'extensions') === 'true';
    const c = await requestContext(rows, extensions, baseUrl, localeOf(p));
    return rows.map((r) => presentRequest(r, c));
  }

  /** Resolves an API key to its live client. @throws OPEN311_API_KEY_INVALID */
  async function clientOf(apiKey: string | undefined): Promise<ApiClientRow> {
    if (!apiKey) {
      throw appError('OPEN311_API_KEY_INVALID', 'api_key was not provided');
    }
    const client = await repo.findClientByHash(db, sha256(apiKey));
    if (!client || client.revoked_at !== null) {
      throw appError('OPEN311_API_KEY_INVALID', 'api_key is invalid or revoked');
    }
    return client;
  }

  function keyView(r: ApiClientRow) {
    return {
      id: r.id,
      name: r.name,
      prefix: r.prefix,
      createdBy: r.created_by,
      createdAt: new Date(r.created_at).toISOString(),
      revokedAt: r.revoked_at === null ? null : new Date(r.revoked_at).toISOString(),
      lastUsedAt: r.last_used_at === null ? null : new Date(r.last_used_at).toISOString(),
    };
  }

  return {
    /** The service discovery document. */
    async discovery(p: Params, baseUrl: string) {
      checkJurisdiction(p);
      const rows = await repo.listServices(db, { enabledOnly: false });
      const changed = rows.reduce((m, r) => Math.max(m, r.updated_at), 0) || now();
      return {
        changeset: time(changed),
        contact: `${deps.city()?.name ?? ''}城市运行管理服务平台 (cityloop)`,
        key_service: 'API keys (api_key) are issued per client by the city administrator.',
        endpoints: [
          {
            specification: GEOREPORT_V2_SPEC,
            url: `${baseUrl}/open311/v2`,
            changeset: time(changed),
            type: 'production',
            formats: ['text/xml', 'application/json'],
          },
        ],
      };
    },

    /** GET services: the enabled public services. */
    async services(p: Params) {
      checkJurisdiction(p);
      const locale = localeOf(p);
      const rows = await enabledServices();
      return Promise.all(
        rows.map(async (r) => {
          const conditions = await deps.conditions(r.matter_code);
          return {
            service_code: r.service_code,
            service_name: locale === 'en' ? (r.name_en ?? r.name) : r.name,
            description: r.description,
            metadata: conditions.length > 1 || extraAttributes(r).length > 0,
            type: 'realtime',
            keywords: r.keywords,
            group: r.group_name,
          };
        }),
      );
    },

    /** GET services/{code}: the attributes a request of this service takes. @throws OPEN311_SERVICE_NOT_FOUND */
    async serviceDefinition(code: string, p: Params) {
      checkJurisdiction(p);
      const row = await enabledService(code);
      const { attrs } = await attributesOfService(row, localeOf(p));
      return { service_code: row.service_code, attributes: attrs };
    },

    /**
     * POST requests: validates the form, then creates the case synchronously through the one
     * intake (source open311) and returns its id and a tracking token.
     * @throws OPEN311_API_KEY_INVALID (403), OPEN311_JURISDICTION_NOT_FOUND,
     *   OPEN311_SERVICE_NOT_FOUND (404), OPEN311_REQUEST_INVALID (400), and intake's errors
     *   (CASE_LOCATION_OUTSIDE_GRIDS…)
     */
    async createRequest(p: Params) {
      const client = await clientOf(text(p, 'api_key'));
      checkJurisdiction(p);
      const code = text(p, 'service_code');
      if (!code) {
        invalid('service_code was not provided');
      }
      const service = await enabledService(code);
      const latText = text(p, 'lat');
      const longText = text(p, 'long');
      const addressString = limitedText(p, 'address_string', 200);
      const addressId = text(p, 'address_id');
      if (latText === undefined || longText === undefined) {
        if (latText !== undefined || longText !== undefined) {
          invalid('lat and long must be given together');
        }
        if (addressString !== undefined || addressId !== undefined) {
          invalid(
            'lat and long are required: the location must be given as coordinates (WGS84), since the unit grid is found from them; address_string and address_id alone are not geocoded',
          );
        }
        invalid('A location is required: lat and long');
      }
      const lat = Number(latText);
      const lng = Number(longText);
      if (
        !Number.isFinite(lat) ||
        lat < -90 ||
        lat > 90 ||
        !Number.isFinite(lng) ||
        lng < -180 ||
        lng > 180
      ) {
        invalid('lat must be a number from -90 to 90 and long from -180 to 180');
      }
      const email = limitedText(p, 'email', 200);
      if (email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
        invalid('email is not an email address');
      }
      const phone = text(p, 'phone');
      if (phone !== undefined && !/^[0-9+\- ()]{5,20}$/.test(phone)) {
        invalid('phone is not a phone number');
      }
      const mediaUrl = limitedText(p, 'media_url', 1000);
      if (mediaUrl !== undefined && !/^https?:\/\/\S+$/i.test(mediaUrl)) {
        invalid('media_url must be an http(s) URL');
      }
      const name = [limitedText(p, 'last_name', 25), limitedText(p, 'first_name', 25)]
        .filter(Boolean)
        .join('');
      const deviceId = limitedText(p, 'device_id', 100);
      const accountId = limitedText(p, 'account_id', 100);
      const given = attributesOf(p);
      const { conditions } = await attributesOfService(service, 'zh');
      let conditionId: string | undefined;
      if (conditions.length > 1) {
        const key = given.condition;
        if (key === undefined) {
          invalid('attribute[condition] is required for this service (see its service definition)');
        }
        const c = conditions.find((x) => String(x.seq) === key);
        if (!c) {
          invalid(`attribute[condition] must be one of ${conditions.map((x) => x.seq).join(', ')}`);
        }
        conditionId = c.id;
      }
      const extraLines: string[] = [];
      const attributes: Record<string, string> = {};
      for (const a of extraAttributes(service)) {
        const v = given[a.code];
        if (v === undefined) {
          if (a.required) {
            invalid(`attribute[${a.code}] is required for this service`);
          }
          continue;
        }
        if (v.length > 1000) {
          invalid(`attribute[${a.code}] is longer than 1000 characters`);
        }
        attributes[a.code] = v;
        extraLines.push(`${a.description}：${v}`);
      }
      if (given.condition !== undefined) {
        attributes.condition = given.condition;
      }
      const description = limitedText(p, 'description', 4000) ?? service.name;
      const token = newTrackingCode();
      const at = now();
      const res = await deps.intake(
        null,
        {
          source: 'open311',
          matterCode: service.matter_code,
          conditionId,
          description: [description, ...extraLines].join('\n'),
          address: addressString,
          lng,
          lat,
          crs: 'wgs84',
          urgency: 'normal',
          reporter:
            name || phone ? { name: name || undefined, phone, anonymous: false } : undefined,
          attachmentIds: [],
        },
        {
          idempotencyKey: `open311:${token}`,
          reporterActor: { id: null, name: `open311:${client.name}`, role: 'public' },
        },
      );
      await repo.insertRequest(db, {
        token,
        case_id: res.row.id,
        client_id: client.id,
        service_code: service.service_code,
        email: email ?? null,
        device_id: deviceId ?? null,
        account_id: accountId ?? null,
        media_url: mediaUrl ?? null,
        attributes: JSON.stringify(attributes),
        created_at: at,
      });
      await repo.touchClient(db, client.id, at);
      return [
        {
          service_request_id: res.row.number,
          token,
          service_notice: service.notice,
          account_id: accountId ?? null,
        },
      ];
    },

    /**
     * GET requests with the specification's filters (service_request_id, service_code,
     * start_date, end_date, status) and the extensions (page, page_size, updated_after,
     * updated_before, extensions). Without any date filter: the last 90 days.
     * @throws OPEN311_REQUEST_INVALID for a bad parameter
     */
    async listRequests(p: Params, baseUrl: string): Promise<Open311Request[]> {
      checkJurisdiction(p);
      const page = intParam(p, 'page', 1, 1_000_000) ?? 1;
      const pageSize = intParam(p, 'page_size', 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE;
      const filter: PublicCaseFilter = { limit: pageSize, offset: (page - 1) * pageSize };
      const ids = list(p, 'service_request_id');
      if (ids) {
        filter.numbers = ids;
      } else {
        filter.matterCodes = list(p, 'service_code');
        const status = list(p, 'status');
        if (status) {
          const bad = status.filter((s) => s !== 'open' && s !== 'closed');
          if (bad.length > 0) {
            invalid('status must be open, closed or both (comma-delimited)');
          }
          filter.finished =
            status.includes('open') && status.includes('closed')
              ? undefined
              : status.includes('closed');
        }
        filter.createdFrom = dateParam(p, 'start_date');
        filter.createdTo = dateParam(p, 'end_date');
        filter.updatedAfter = dateParam(p, 'updated_after');
        filter.updatedBefore = dateParam(p, 'updated_before');
        if (
          filter.createdFrom !== undefined &&
          filter.createdTo !== undefined &&
          filter.createdTo < filter.createdFrom
        ) {
          invalid('end_date is before start_date');
        }
        if (
          [filter.createdFrom, filter.createdTo, filter.updatedAfter, filter.updatedBefore].every(
            (x) => x === undefined,
          )
        ) {
          filter.createdFrom = now() - DEFAULT_WINDOW_MS;
        }
      }
      return present(await repo.listPublicCases(db, filter), p, baseUrl);
    },

    /** GET requests/{id}: a list of one. @throws OPEN311_REQUEST_NOT_FOUND */
    async getRequest(id: string, p: Params, baseUrl: string): Promise<Open311Request[]> {
      checkJurisdiction(p);
      const row = await repo.findPublicCaseByNumber(db, id);
      if (!row) {
        throw appError('OPEN311_REQUEST_NOT_FOUND', `service_request_id ${id} was not found`);
      }
      return present([row], p, baseUrl);
    },

    /** GET tokens/{token}: the request id behind a token. @throws OPEN311_TOKEN_NOT_FOUND */
    async token(token: string, p: Params) {
      checkJurisdiction(p);
      const req = await repo.findRequestByToken(db, token);
      const row = req?.case_id
        ? await repo.findCaseById(db, req.case_id)
        : await repo.findCaseByIdempotencyKey(db, `open311:${token}`);
      if (!req && !row) {
        throw appError('OPEN311_TOKEN_NOT_FOUND', `token ${token} was not found`);
      }
      return [{ service_request_id: row?.number ?? null, token }];
    },

    /**
     * GET servicerequestupdates (extension): every change of a public request's status, oldest
     * first, after `updated_after` (default: 90 days ago) and before `updated_before`.
     */
    async updates(p: Params) {
      checkJurisdiction(p);
      const locale = localeOf(p);
      const page = intParam(p, 'page', 1, 1_000_000) ?? 1;
      const pageSize = intParam(p, 'page_size', 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE;
      const rows = await repo.listStatusChanges(db, {
        after: dateParam(p, 'updated_after') ?? now() - DEFAULT_WINDOW_MS,
        before: dateParam(p, 'updated_before'),
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return rows.map((e) => {
        const status = publicStatusOf(e.to_state);
        return {
          update_id: e.id,
          service_request_id: e.number,
          status: isFinishedState(e.to_state) ? 'closed' : 'open',
          updated_datetime: time(e.at),
          description: PUBLIC_STATUS_NAMES[status][locale],
          external_status_code: status,
          media_url: null,
        };
      });
    },

    /**
     * Checks that an attachment may be served publicly: a report photo of a public case
     * (open311 or portal) that was not refused or voided.
     * @throws OPEN311_MEDIA_NOT_FOUND
     */
    async assertPublicMedia(attachmentId: string): Promise<void> {
      const a = await repo.findAttachmentCase(db, attachmentId);
      const ok =
        a &&
        a.kind === 'report' &&
        (a.source === 'open311' || a.source === 'public') &&
        a.state !== 'refused' &&
        a.state !== 'voided';
      if (!ok) {
        throw appError('OPEN311_MEDIA_NOT_FOUND', `No public media ${attachmentId}`);
      }
    },

    /** The enabled services as the portal's category list. */
    async publicCategories(): Promise<Open311Service[]> {
      return (await enabledServices()).map((r) => ({
        code: r.matter_code,
        name: r.name,
        nameEn: r.name_en,
        group: r.group_name,
        description: r.description,
      }));
    },

    // --- administration

    /** Issues a key for a client; the key is in this answer only. */
    async createKey(actor: Actor, body: CreateKeyBody) {
      const key = `${KEY_PREFIX}${randomToken(24)}`;
      const row: ApiClientRow = {
        id: uuidv7(now()),
        name: body.name,
        key_hash: sha256(key),
        prefix: key.slice(0, KEY_PREFIX.length + 4),
        created_by: actor.userId,
        created_at: now(),
        revoked_at: null,
        last_used_at: null,
      };
      await repo.insertClient(db, row);
      return { ...keyView(row), key };
    },

    async listKeys() {
      return (await repo.listClients(db)).map(keyView);
    },

    /** Revokes a key (again: no change). @throws OPEN311_KEY_NOT_FOUND */
    async revokeKey(id: string): Promise<void> {
      if (!(await repo.findClient(db, id))) {
        throw appError('OPEN311_KEY_NOT_FOUND', `No API key ${id}`);
      }
      await repo.revokeClient(db, id, now());
    },

    /** Every configured service, enabled or not. */
    async listServiceConfigs(): Promise<ServiceConfigView[]> {
      return (await repo.listServices(db, { enabledOnly: false })).map(presentServiceConfig);
    },

    /**
     * Adds a matter to the public subset, or changes its public names, description, group,
     * keywords, notice, attributes, order or enabled flag.
     * @throws OPEN311_MATTER_INVALID (unknown or inactive matter)
     */
    async putService(matterCode: string, body: PutServiceBody): Promise<ServiceConfigView> {
      const matter = await deps.matter(matterCode);
      if (!matter?.active) {
        throw appError('OPEN311_MATTER_INVALID', `No active matter ${matterCode} in the catalog`, [
          { path: 'params.matterCode', message: 'unknown or inactive matter' },
        ]);
      }
      const at = now();
      const existing = await repo.findService(db, matterCode);
      if (!existing) {
        await repo.insertServices(db, [
          {
            matter_code: matterCode,
            service_code: matterCode,
            name: body.name ?? matter.name,
            name_en: body.nameEn ?? matter.nameEn,
            description: body.description ?? '',
            group_name: body.group ?? matter.majorName,
            keywords: (body.keywords ?? []).join(','),
            notice: body.notice ?? null,
            attributes: JSON.stringify(body.attributes ?? []),
            enabled: body.enabled === false ? 0 : 1,
            sort: body.sort ?? 0,
            created_at: at,
            updated_at: at,
          },
        ]);
      } else {
        await repo.updateService(db, matterCode, {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.nameEn !== undefined ? { name_en: body.nameEn } : {}),
          ...(body.description !== undefined ? { description: body.description } : {}),
          ...(body.group !== undefined ? { group_name: body.group } : {}),
          ...(body.keywords !== undefined ? { keywords: body.keywords.join(',') } : {}),
          ...(body.notice !== undefined ? { notice: body.notice } : {}),
          ...(body.attributes !== undefined ? { attributes: JSON.stringify(body.attributes) } : {}),
          ...(body.enabled !== undefined ? { enabled: body.enabled ? 1 : 0 } : {}),
          ...(body.sort !== undefined ? { sort: body.sort } : {}),
          updated_at: at,
        });
      }
      return presentServiceConfig((await repo.findService(db, matterCode))!);
    },

    /** Takes a matter out of the public subset. @throws OPEN311_SERVICE_NOT_FOUND */
    async deleteService(matterCode: string): Promise<void> {
      if (!(await repo.deleteService(db, matterCode))) {
        throw appError(
          'OPEN311_SERVICE_NOT_FOUND',
          `Matter ${matterCode} is not an Open311 service`,
        );
      }
    },
  };
}

/**
 * Seeds the default public subset once (with the reference data): the matters of
 * DEFAULT_OPEN311_SERVICES the catalog holds, named after the catalog, grouped by major class.
 * Never runs again once it has run, so an administrator's removals stay.
 * @returns how many services were added
 */
export async function seedOpen311Services(db: Kysely<Database>, at: number): Promise<number> {
  if ((await repo.getSetting(db, SEEDED_KEY)) !== undefined) {
    return 0;
  }
  const matters = new Map(
    (
      await repo.findMatters(
        db,
        DEFAULT_OPEN311_SERVICES.map((d) => d.matterCode),
      )
    ).map((m) => [m.code, m]),
  );
  const rows = DEFAULT_OPEN311_SERVICES.flatMap((d, i) => {
    const m = matters.get(d.matterCode);
    return m && m.active === 1
      ? [
          {
            matter_code: d.matterCode,
            service_code: d.matterCode,
            name: m.name,
            name_en: d.nameEn,
            description: d.description,
            group_name: m.major_name,
            keywords: d.keywords,
            notice: null,
            attributes: '[]',
            enabled: 1,
            sort: (i + 1) * 10,
            created_at: at,
            updated_at: at,
          },
        ]
      : [];
  });
  await repo.insertServices(db, rows);
  await repo.insertSettingIfAbsent(db, SEEDED_KEY, JSON.stringify(new Date(at).toISOString()), at);
  return rows.length;
}
