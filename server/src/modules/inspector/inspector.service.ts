import type { Actor } from '../auth/actor';
import type { CaseView } from '../cases/cases.presenter';
import type { CasesService } from '../cases/cases.service';
import type { GridDetail } from '../space/space.types';
import type { InspectorReportBody } from './inspector.schema';

/** Most tasks one answer lists (an inspector's grids hold far fewer open field tasks). */
export const MAX_TASKS = 200;

/** What the inspector module needs from the others (wired in services.ts). */
export interface InspectorDeps {
  intake: CasesService['intake'];
  listCases: CasesService['list'];
  gridsOfInspector(userId: string): Promise<string[]>;
  /** A grid with geometry and region chain, or null when unknown or outside the scope. */
  grid(actor: Actor, code: string): Promise<GridDetail | null>;
}

/** A verify or check task of the inspector's grids. */
export interface InspectorTask {
  caseId: string;
  number: string;
  task: 'verify' | 'check';
  state: string;
  version: number;
  description: string;
  address: string | null;
  matterCode: string | null;
  location: { lng: number; lat: number; gridCode: string };
  deadline: string | null;
  light: 'green' | 'yellow' | 'red' | null;
  usedRatio: number | null;
  overdue: boolean;
  createdAt: string;
}

function taskOf(v: CaseView): InspectorTask {
  return {
    caseId: v.id,
    number: v.number,
    task: v.state === 'verifying' ? 'verify' : 'check',
    state: v.state,
    version: v.version,
    description: v.description,
    address: v.address,
    matterCode: v.matter?.code ?? null,
    location: { lng: v.location.lng, lat: v.location.lat, gridCode: v.location.gridCode },
    deadline: v.stage?.deadline ?? null,
    light: v.stage?.light ?? null,
    usedRatio: v.stage?.usedRatio ?? null,
    overdue: v.stage?.overdue ?? false,
    createdAt: v.createdAt,
  };
}

export type InspectorService = ReturnType<typeof createInspectorService>;

/** The inspector app's intake (safe retries from an offline queue), field tasks and grids. */
export function createInspectorService(deps: InspectorDeps) {
  return {
    /**
     * Reports a case seen on patrol (source inspector). The idempotency key is
     * `inspector:<userId>:<clientId>`, so a retry from the offline queue returns the same case
     * (`created: false`).
     * @throws CASE_LOCATION_OUTSIDE_GRIDS, AUTH_OUT_OF_SCOPE, CATALOG_CODE_*, ATTACHMENT_NOT_FOUND
     */
    async report(
      actor: Actor,
      body: InspectorReportBody,
    ): Promise<{ view: CaseView; created: boolean }> {
      const { clientId, ...rest } = body;
      const res = await deps.intake(
        actor,
        { ...rest, source: 'inspector' },
        { idempotencyKey: `inspector:${actor.userId}:${clientId}` },
      );
      return { view: res.view, created: res.created };
    },

    /**
     * The verify and check tasks in the inspector's current grids, soonest deadline first, with
     * the stage's traffic light.
     */
    async tasks(actor: Actor): Promise<{ items: InspectorTask[]; total: number }> {
      const page = await deps.listCases(actor, {
        mine: true,
        state: ['verifying', 'checking'],
        sort: 'stage_deadline_at',
        order: 'asc',
        page: 1,
        pageSize: MAX_TASKS,
      });
      return { items: page.items.map(taskOf), total: page.total };
    },

    /** The inspector's current grids with geometry, for the map. */
    async grids(actor: Actor): Promise<{ items: GridDetail[] }> {
      const codes = await deps.gridsOfInspector(actor.userId);
      const grids = await Promise.all([...codes].sort().map((c) => deps.grid(actor, c)));
      return { items: grids.filter((g): g is GridDetail => g !== null) };
    },
  };
}
