import { createHmac, randomBytes } from 'node:crypto';
import type { AppContext } from '../../context';
import { appError } from '../../lib/app-error';
import type { CasesService } from '../cases/cases.service';
import { formatInstant } from '../clock';
import { portalRepository as repo, type PublicCaseRow } from './portal.repository';
import type {
  PortalSettings,
  PublicReportBody,
  PutPortalSettingsBody,
  RatingBody,
  Satisfaction,
} from './portal.schema';
import type { PublicTrackingRow } from './portal.table';
import {
  isFinishedState,
  PUBLIC_STATUS_NAMES,
  publicHistory,
  publicStatusOf,
} from './public-status';
import { createRateLimiter } from './rate-limiter';
import { countUrls, normalizePhone, normalizeText } from './spam';
import { newTrackingCode, normalizeTrackingCode } from './tracking-code';

/** Defaults of the portal's limits and spam guards (an admin changes them). */
export const DEFAULT_PORTAL_SETTINGS: PortalSettings = {
  reportsPerIpPerHour: 10,
  reportsPerPhonePerDay: 5,
  uploadsPerIpPerHour: 30,
  minDescriptionLength: 5,
  maxUrls: 1,
  duplicateWindowMinutes: 10,
};

const SETTINGS_KEY = 'portal.settings';
const HASH_KEY = 'portal.hash_key';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type { PublicCategory, PublicReportView } from '@common/portal';
import type { PublicCategory, PublicReportView } from '@common/portal';

/** What the portal needs from the other modules (wired in services.ts). */
export interface PortalDeps {
  intake: CasesService['intake'];
  categories(): Promise<PublicCategory[]>;
  /** A catalog matter's names, or null. */
  matter(code: string): Promise<{ name: string; nameEn: string | null } | null>;
  unitName(unitId: string): Promise<string | null>;
}

export type PortalService = ReturnType<typeof createPortalService>;

/**
 * The public reporting API: reports without an account (into the one case intake, source
 * public), tracking numbers, a public-safe status page, one satisfaction rating after
 * closure, and the guards: rate limits per IP and per phone kept in the store, a honeypot,
 * text checks and a same-text check.
 */
export function createPortalService(ctx: AppContext, deps: PortalDeps) {
  const db = ctx.store.db;
  const tz = ctx.config.timezone;
  const now = () => ctx.clock.now();
  const limiter = createRateLimiter(db, ctx.clock);
  const time = (ms: number) => formatInstant(ms, tz);

  let hashKey: Buffer | null = null;
  /** The deployment's random key for hashing IPs and phones (made on first use, shared by nodes). */
  async function key(): Promise<Buffer> {
    if (!hashKey) {
      await repo.insertSettingIfAbsent(
        db,
        HASH_KEY,
        JSON.stringify(randomBytes(32).toString('hex')),
        now(),
      );
      const stored = JSON.parse((await repo.getSetting(db, HASH_KEY))!) as string;
      hashKey = Buffer.from(stored, 'hex');
    }
    return hashKey;
  }
  const hash = async (s: string) =>
    createHmac('sha256', await key())
      .update(s)
      .digest('hex')
      .slice(0, 40);

  async function settings(): Promise<PortalSettings> {
    const raw = await repo.getSetting(db, SETTINGS_KEY);
    return {
      ...DEFAULT_PORTAL_SETTINGS,
      ...(raw ? (JSON.parse(raw) as Partial<PortalSettings>) : {}),
    };
  }

  function limited(message: string, retryAfterMs: number): never {
    throw appError('PUBLIC_RATE_LIMITED', message, {
      retryAfterSeconds: Math.ceil(retryAfterMs / 1000),
    });
  }

  /** The tracking row of a code; repairs a missing row of a case made with that code. */
  async function tracking(input: string): Promise<PublicTrackingRow> {
    const code = normalizeTrackingCode(input);
    const notFound = () =>
      appError('PUBLIC_REPORT_NOT_FOUND', 'No report with this tracking number');
    if (!code) {
      throw notFound();
    }
    let row = await repo.findTracking(db, code);
    if (!row) {
      const c = await repo.findCaseIdByIdempotencyKey(db, `public:${code}`);
      if (!c) {
        throw notFound();
      }
      await repo.insertTracking(db, { code, case_id: c.id, phone_hash: null, created_at: now() });
      row = (await repo.findTracking(db, code))!;
    }
    return row;
  }

  async function view(t: PublicTrackingRow, c: PublicCaseRow): Promise<PublicReportView> {
    const history = publicHistory(
      (await repo.listEvents(db, c.id)).map((e) => ({
        id: e.id,
        seq: e.seq,
        at: e.at,
        toState: e.to_state,
      })),
    );
    const status = publicStatusOf(c.state);
    const matter = c.matter_code ? await deps.matter(c.matter_code) : null;
    return {
      trackingNumber: t.code,
      number: c.number,
      status,
      statusName: PUBLIC_STATUS_NAMES[status],
      finished: isFinishedState(c.state),
      category:
        c.matter_code && matter
          ? { code: c.matter_code, name: matter.name, nameEn: matter.nameEn }
          : null,
      description: c.description,
      address: c.address,
      location: { lng: c.lng, lat: c.lat },
      agency: c.unit_id ? await deps.unitName(c.unit_id) : null,
      reportedAt: time(c.created_at),
      updatedAt: time(history.at(-1)?.at ?? c.created_at),
      expectedAt:
        c.handle_deadline_at === null || isFinishedState(c.state)
          ? null
          : time(c.handle_deadline_at),
      closedAt: c.closed_at === null ? null : time(c.closed_at),
      history: history.map((h) => ({
        status: h.status,
        name: PUBLIC_STATUS_NAMES[h.status],
        at: time(h.at),
      })),
      rating:
        t.rated_at !== null && t.rating
          ? {
              satisfaction: t.rating as Satisfaction,
              comment: t.rating_comment,
              ratedAt: time(t.rated_at),
            }
          : null,
      canRate: c.state === 'closed' && t.rated_at === null,
    };
  }

  async function caseOf(t: { case_id: string }): Promise<PublicCaseRow> {
    const c = await repo.findCase(db, t.case_id);
    if (!c) {
      throw appError('PUBLIC_REPORT_NOT_FOUND', 'No report with this tracking number');
    }
    return c;
  }

  return {
    settings,

    /** Changes some limits; the others keep their value. */
    async updateSettings(patch: PutPortalSettingsBody): Promise<PortalSettings> {
      const next = { ...(await settings()), ...patch };
      await repo.putSetting(db, SETTINGS_KEY, JSON.stringify(next), now());
      return next;
    },

    /** The categories a resident may pick: the enabled Open311 services. */
    categories: () => deps.categories(),

    /**
     * A report from the public, without an account. Order of the guards: honeypot, text
     * checks, per-IP limit, per-phone limit, same text from the same IP; then the one intake
     * (source public) with the tracking code as idempotency key. Anonymous reports keep no
     * name or phone with the case; a phone, if given, is kept only as a keyed hash for the
     * per-phone limit.
     * @throws PUBLIC_SPAM_REJECTED (400), VALIDATION_FAILED, PUBLIC_RATE_LIMITED (429),
     *   PUBLIC_DUPLICATE_REPORT (409), PUBLIC_CATEGORY_UNKNOWN, and intake's errors
     *   (CASE_LOCATION_OUTSIDE_GRIDS, ATTACHMENT_NOT_FOUND…)
     */
    async report(body: PublicReportBody, meta: { ip: string }) {
      if (body.website && body.website.trim() !== '') {
        throw appError('PUBLIC_SPAM_REJECTED', 'The report was rejected', [
          { path: 'body.website', message: 'must be empty' },
        ]);
      }
      const cfg = await settings();
      if (body.description.length < cfg.minDescriptionLength) {
        throw appError(
          'VALIDATION_FAILED',
          `body.description: at least ${cfg.minDescriptionLength} characters`,
          [
            {
              path: 'body.description',
              message: `at least ${cfg.minDescriptionLength} characters`,
            },
          ],
        );
      }
      if (countUrls(body.description) > cfg.maxUrls) {
        throw appError('PUBLIC_SPAM_REJECTED', `A report may hold at most ${cfg.maxUrls} link(s)`, [
          { path: 'body.description', message: 'too many links' },
        ]);
      }
      const ipKey = await hash(`ip:${meta.ip}`);
      const byIp = await limiter.hit(`report:ip:${ipKey}`, cfg.reportsPerIpPerHour, HOUR);
      if (!byIp.allowed) {
        limited('Too many reports from this address; try again later', byIp.retryAfterMs);
      }
      const phone = body.contact?.phone;
      const phoneHash = phone ? await hash(`phone:${normalizePhone(phone)}`) : null;
      if (phoneHash) {
        const byPhone = await limiter.hit(
          `report:phone:${phoneHash}`,
          cfg.reportsPerPhonePerDay,
          DAY,
        );
        if (!byPhone.allowed) {
          limited(
            'Too many reports from this phone number today; try again tomorrow',
            byPhone.retryAfterMs,
          );
        }
      }
      const dupKey = `report:text:${ipKey}:${await hash(normalizeText(body.description))}`;
      const dupWindow = cfg.duplicateWindowMinutes * 60_000;
      if (dupWindow > 0 && (await limiter.count(dupKey, dupWindow)) > 0) {
        throw appError('PUBLIC_DUPLICATE_REPORT', 'The same report was just sent from here', [
          { path: 'body.description', message: 'same text sent moments ago' },
        ]);
      }
      if (body.matterCode && !(await deps.categories()).some((c) => c.code === body.matterCode)) {
        throw appError('PUBLIC_CATEGORY_UNKNOWN', `No public category ${body.matterCode}`, [
          { path: 'body.matterCode', message: 'unknown category' },
        ]);
      }
      const code = newTrackingCode();
      const anonymous = body.anonymous;
      const res = await deps.intake(
        null,
        {
          source: 'public',
          matterCode: body.matterCode,
          description: body.description,
          address: body.address || undefined,
          lng: body.lng,
          lat: body.lat,
          crs: body.crs,
          urgency: 'normal',
          reporter: anonymous
            ? { anonymous: true }
            : body.contact?.name || phone
              ? { name: body.contact?.name, phone, anonymous: false }
              : undefined,
          attachmentIds: body.attachmentIds,
        },
        {
          idempotencyKey: `public:${code}`,
          reporterActor: { id: null, name: 'public', role: 'public' },
        },
      );
      await repo.insertTracking(db, {
        code,
        case_id: res.row.id,
        phone_hash: phoneHash,
        created_at: now(),
      });
      if (dupWindow > 0) {
        await limiter.record(dupKey);
      }
      return {
        trackingNumber: code,
        number: res.row.number,
        status: publicStatusOf(res.row.state),
      };
    },

    /** The public status page of a report. @throws PUBLIC_REPORT_NOT_FOUND */
    async track(trackingNumber: string): Promise<PublicReportView> {
      const t = await tracking(trackingNumber);
      return view(t, await caseOf(t));
    },

    /**
     * The reporter's satisfaction, once, after the case is closed.
     * @throws PUBLIC_REPORT_NOT_FOUND, PUBLIC_NOT_CLOSED (422), PUBLIC_ALREADY_RATED (409)
     */
    async rate(trackingNumber: string, body: RatingBody): Promise<PublicReportView> {
      const t = await tracking(trackingNumber);
      const c = await caseOf(t);
      if (c.state !== 'closed') {
        throw appError('PUBLIC_NOT_CLOSED', 'A report can be rated once it is closed', {
          status: publicStatusOf(c.state),
        });
      }
      const ok = await repo.rate(db, t.code, {
        rating: body.satisfaction,
        comment: body.comment || null,
        at: now(),
      });
      if (!ok) {
        throw appError('PUBLIC_ALREADY_RATED', 'This report has already been rated');
      }
      return view((await repo.findTracking(db, t.code))!, c);
    },

    /**
     * The per-IP limit of public photo uploads (preHandler of POST /api/v1/public/attachments).
     * @throws PUBLIC_RATE_LIMITED
     */
    async limitUpload(ip: string): Promise<void> {
      const cfg = await settings();
      const d = await limiter.hit(
        `upload:ip:${await hash(`ip:${ip}`)}`,
        cfg.uploadsPerIpPerHour,
        HOUR,
      );
      if (!d.allowed) {
        limited('Too many uploads from this address; try again later', d.retryAfterMs);
      }
    },

    /** Drops rate-limit records older than a day (the longest window). */
    pruneRateLimits: () => limiter.prune(DAY),
  };
}
