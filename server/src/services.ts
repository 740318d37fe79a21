import type { AppContext } from './context';
import {
  createAttachmentService,
  type AttachmentService,
  type AttachmentServiceDeps,
} from './modules/attachments/attachments.service';
import { createAuthService, type AuthService } from './modules/auth/auth.service';
import { createCaseEventHooks, type CaseEventHooks } from './modules/cases/case-event-hooks';
import { checkOverdueJob } from './modules/cases/check-overdue.job';
import { createCasesService, type CasesService } from './modules/cases/cases.service';
import { createCatalogService, type CatalogService } from './modules/catalog/catalog.service';
import { createClockService, type ClockService } from './modules/clock/clock.service';
import {
  createEvaluationService,
  type EvaluationService,
} from './modules/evaluation/evaluation.service';
import { createSeeds, type Seeds } from './modules/demo/seeds';
import { createOrgService, type OrgService } from './modules/org/org.service';
import { createRoutingService, type RoutingService } from './modules/routing/routing.service';
import { createLocalBus, createPostgresBus, type LiveBus } from './modules/live/live-bus';
import { createSpaceService, type SpaceService } from './modules/space/space.service';
import { createOpen311Service, type Open311ServiceApi } from './modules/open311/open311.service';
import { createPortalService, type PortalService } from './modules/portal/portal.service';
import {
  createInspectorService,
  type InspectorService,
} from './modules/inspector/inspector.service';
import { gcj02ToWgs84 } from './modules/space/gcj02';
import { createHotlineService, type HotlineService } from './modules/hotline/hotline.service';
import { createImportService, type ImportService } from './modules/imports/imports.service';
import { createReportsService, type ReportsService } from './modules/reports/reports.service';
import { postgresLeader, soleLeader } from './jobs/leader';
import { startScheduler } from './jobs/scheduler';
import { DomainError } from './lib/errors';

/** Every module service, built once per app from the context. */
export interface Services {
  ctx: AppContext;
  /** The working calendar (holidays, working periods) and deadlines on it. */
  clock: ClockService;
  space: SpaceService;
  /** Code tables (components, matters), legacy codes, registration conditions, time limits. */
  catalog: CatalogService;
  org: OrgService;
  auth: AuthService;
  routing: RoutingService;
  attachments: AttachmentService;
  /** Case intake, workflow commands, queries, event log and the overdue sweep. */
  cases: CasesService;
  /** Live case events (SSE subscribers). */
  live: LiveBus;
  /** Open311 GeoReport v2: public services, requests, tokens, API keys. */
  open311: Open311ServiceApi;
  /** Public reporting without an account: tracking, rating, rate limits. */
  portal: PortalService;
  /** The inspector app: reports with client ids, field tasks, grids. */
  inspector: InspectorService;
  /** 12345 hotline orders (an overlay on cases): intake, reply, callback, rates. */
  hotline: HotlineService;
  /** Bulk imports of hotline orders and historical cases (background jobs). */
  imports: ImportService;
  /** Subscribers to every case event, inside its transaction (evaluation rollups, …). */
  caseEvents: CaseEventHooks;
  /** Indicators, rankings, drill-down, hotspots, trends, 721 ratio; incremental rollups. */
  evaluation: EvaluationService;
  /** The monthly evaluation report (月度综合评价报告) as data, Excel and PDF. */
  reports: ReportsService;
  seeds: Seeds;
  /** Starts background work (the clock's sweeps); main.ts calls it, tests drive jobs directly. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** What a caller may put in place of the defaults (the demo history's photo handling). */
export interface ServicesOptions {
  /** Photo storage and thumbnails; default: disk under DATA_DIR/files, sharp. */
  attachments?: AttachmentServiceDeps;
}

export async function createServices(
  ctx: AppContext,
  opts: ServicesOptions = {},
): Promise<Services> {
  const clock = await createClockService(ctx);
  const space = await createSpaceService(ctx, {
    // Bound late: org is built below, and only called once requests or seeds run.
    unitExists: async (id) => (await org.getUnit(id).catch(() => null)) !== null,
  });
  const catalog = await createCatalogService(ctx);
  const org = createOrgService(ctx, () => space.regions());
  const auth = createAuthService(ctx, org);
  const routing = await createRoutingService(ctx, {
    unitExists: async (id) => (await org.getUnit(id).catch(() => null)) !== null,
    regionExists: (id) => space.regions().byId(id) !== undefined,
  });
  const attachments = createAttachmentService(ctx, opts.attachments);
  const live =
    ctx.store.kind === 'postgres' && ctx.store.url
      ? await createPostgresBus(ctx.store.url, ctx.log, ctx.store.schema)
      : createLocalBus();
  const caseEvents = createCaseEventHooks();
  const cases = createCasesService(ctx, {
    locate(lng, lat) {
      const hit = space.locate(lng, lat);
      return hit
        ? {
            lng,
            lat,
            gridCode: hit.grid.code,
            areaClass: hit.grid.areaClass,
            communityId: hit.community?.id ?? null,
            streetId: hit.street?.id ?? null,
            districtId: hit.district?.id ?? null,
            cityId: hit.city?.id ?? null,
          }
        : null;
    },
    gcj02ToWgs84,
    async resolveMatter(code, legacyKind) {
      const r = await catalog.resolveCode(code, {
        kind: 'matter',
        legacyKind,
        path: 'body.matterCode',
      });
      return { code: r.code, original: r.original === r.code ? null : r.original };
    },
    async handleLimit(matterCode, conditionId, areaClass) {
      try {
        const l = await catalog.timeLimitFor({ matterCode, conditionId, areaClass });
        return {
          conditionId: l.conditionId,
          amount: l.amount,
          unit: l.unit,
          photoRequired: l.photoRequired,
          urgent: l.urgent,
        };
      } catch (err) {
        if (err instanceof DomainError && err.code === 'CATALOG_CONDITION_NOT_FOUND') {
          if (conditionId) {
            throw err;
          }
          return null;
        }
        throw err;
      }
    },
    stageLimit: (stage, urgency, areaClass) =>
      catalog.stageLimitCached({ stage, urgency, areaClass }),
    calendar: () => clock.calendar(),
    regionLevel: (id) => space.regions().byId(id)?.level,
    inspectorsOfGrid: (grid) => org.inspectorsOfGrid(grid),
    gridsOfInspector: (userId) => org.gridsOfInspector(userId),
    unitExists: async (id) => (await org.getUnit(id).catch(() => null)) !== null,
    proposeUnit: (subject) => routing.propose(subject),
    assertAttachments: async (ids, actor) => {
      if (ids.length > 0) {
        await attachments.assertUsable(ids, actor);
      }
    },
    bindAttachments: (trx, ids, caseId, kind) =>
      ids.length > 0
        ? attachments.bindToCase(
            trx,
            ids,
            caseId,
            kind as Parameters<typeof attachments.bindToCase>[3],
          )
        : Promise.resolve(),
    publish: (e) => live.publish(e),
    heard: () => live.heard,
    onEvent: caseEvents.emit,
  });
  const unitName = async (id: string) => (await org.getUnit(id).catch(() => null))?.name ?? null;
  const matterOf = async (code: string) => {
    const e = await catalog.getEntry('matter', code).catch(() => null);
    return e
      ? { code: e.code, name: e.name, nameEn: e.nameEn, majorName: e.majorName, active: e.active }
      : null;
  };
  const open311 = createOpen311Service(ctx, {
    intake: (...a) => cases.intake(...a),
    conditions: async (code) =>
      (await catalog.listConditions(code, { active: true })).items.map((c) => ({
        id: c.id,
        seq: c.seq,
        name: c.name,
      })),
    matter: matterOf,
    unitName,
    city: () => {
      const root = space.regions().root();
      return root ? { code: root.code, name: root.name } : null;
    },
  });
  const portal = createPortalService(ctx, {
    intake: (...a) => cases.intake(...a),
    categories: () => open311.publicCategories(),
    matter: matterOf,
    unitName,
  });
  const inspector = createInspectorService({
    intake: (...a) => cases.intake(...a),
    listCases: (...a) => cases.list(...a),
    gridsOfInspector: (userId) => org.gridsOfInspector(userId),
    grid: (actor, code) =>
      space.getGrid(actor, code).catch((err: unknown) => {
        if (err instanceof DomainError) {
          return null;
        }
        throw err;
      }),
  });
  const hotline = createHotlineService(ctx, {
    cases,
    unitName,
    regionName: (id) => space.regions().byId(id)?.name ?? null,
  });
  // The hotline's rules on case actions (return basis, extension deadline, reply before
  // closure, reopen after a callback) run inside the cases service's transactions.
  cases.addActionHook(hotline.caseHook);
  const imports = createImportService(ctx, {
    hotline,
    cases,
    timeZone: () => clock.calendar().timeZone,
  });
  const evaluation = createEvaluationService(ctx, {
    calendar: () => clock.calendar(),
    regions: () => space.regions(),
    catchUp: () => cases.projections.catchUp(),
  });
  // The evaluation rollups follow every case event in the event's own transaction.
  caseEvents.subscribe('evaluation', evaluation.onCaseEvent);
  const reports = createReportsService(ctx, {
    evaluation,
    regions: () => space.regions(),
    timeZone: () => clock.calendar().timeZone,
    matterName: async (code) =>
      (await catalog.getEntry('matter', code).catch(() => null))?.name ?? null,
    locate(lng, lat) {
      const hit = space.locate(lng, lat);
      return hit ? { gridCode: hit.grid.code, communityName: hit.community?.name ?? null } : null;
    },
    grid: async (actor, code) => {
      const g = await space.getGrid(actor, code).catch(() => null);
      return g
        ? { center: g.center, name: g.name, communityName: g.community?.name ?? null }
        : null;
    },
  });
  const partial = {
    ctx,
    clock,
    space,
    catalog,
    org,
    auth,
    routing,
    attachments,
    cases,
    live,
    open311,
    portal,
    inspector,
    hotline,
    imports,
    caseEvents,
    evaluation,
    reports,
  };
  const seeds = createSeeds({
    ...partial,
    // The demo history is told on services of its own, on its own (manual) clock.
    servicesAt: (clock, options) => createServices({ ...ctx, clock }, options),
  });
  const timers: NodeJS.Timeout[] = [];
  let stopScheduler: (() => Promise<void>) | null = null;
  return {
    ...partial,
    seeds,
    start() {
      timers.push(setInterval(() => void auth.pruneFailures(), 10 * 60_000).unref());
      timers.push(
        setInterval(() => void portal.pruneRateLimits().catch(() => 0), 10 * 60_000).unref(),
      );
      const leader =
        ctx.store.kind === 'postgres' && ctx.store.url ? postgresLeader(ctx.store.url) : soleLeader;
      stopScheduler = startScheduler([checkOverdueJob(cases)], leader, ctx.log);
      cases.projections.start();
      return Promise.resolve();
    },
    async stop() {
      timers.forEach(clearInterval);
      await imports.stop();
      await stopScheduler?.();
      await cases.projections.stop();
      await live.close();
    },
  };
}
