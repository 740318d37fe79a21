import type { AppContext } from '../../context';
import { appError } from '../../lib/app-error';
import { uuidv7 } from '../../lib/ids';
import {
  proposeUnit,
  type RoutingProposal,
  type RoutingRule,
  type RoutingSubject,
} from './propose-unit';
import { routingRepository as repo } from './routing.repository';
import type { RoutingImportBody, RoutingRuleBody } from './routing.schema';
import type { RoutingRuleRow } from './routing.table';

export interface RoutingRuleView extends RoutingRule {
  note: string | null;
}

const toRule = (r: RoutingRuleRow): RoutingRuleView => ({
  id: r.id,
  matterCode: r.matter_code,
  majorCode: r.major_code,
  regionId: r.region_id,
  areaClass: r.area_class,
  unitId: r.unit_id,
  priority: r.priority,
  note: r.note,
});

export type RoutingService = Awaited<ReturnType<typeof createRoutingService>>;

/** The routing matrix (matter × region/area → handling unit), held in memory for proposals. */
export async function createRoutingService(
  ctx: AppContext,
  check: { unitExists(id: string): Promise<boolean>; regionExists(id: string): boolean },
) {
  const db = ctx.store.db;
  let rules: RoutingRuleView[] = (await repo.list(db)).map(toRule);
  const reload = async () => {
    rules = (await repo.list(db)).map(toRule);
  };

  async function validate(body: RoutingRuleBody, path: string): Promise<void> {
    if (!(await check.unitExists(body.unitId))) {
      throw appError('ORG_UNIT_NOT_FOUND', `No unit ${body.unitId}`, [
        { path: `${path}.unitId`, message: 'unknown unit' },
      ]);
    }
    if (body.regionId && !check.regionExists(body.regionId)) {
      throw appError('ORG_REGION_NOT_FOUND', `No region ${body.regionId}`, [
        { path: `${path}.regionId`, message: 'unknown region' },
      ]);
    }
  }

  const toRow = (body: RoutingRuleBody, id: string) => ({
    id,
    matter_code: body.matterCode ?? null,
    major_code: body.majorCode ?? (body.matterCode ? body.matterCode.slice(0, 2) : null),
    region_id: body.regionId ?? null,
    area_class: body.areaClass ?? null,
    unit_id: body.unitId,
    priority: body.priority,
    note: body.note ?? null,
    created_at: ctx.clock.now(),
  });

  return {
    reload,
    list: (): RoutingRuleView[] => rules,

    /** The proposal for a case, or null when no rule matches. */
    propose: (subject: RoutingSubject): RoutingProposal | null => proposeUnit(rules, subject),

    /** @throws ORG_UNIT_NOT_FOUND, ORG_REGION_NOT_FOUND */
    async create(body: RoutingRuleBody): Promise<RoutingRuleView> {
      await validate(body, 'body');
      const id = uuidv7(ctx.clock.now());
      await repo.insert(db, [toRow(body, id)]);
      await reload();
      return toRule((await repo.find(db, id))!);
    },

    /** @throws ROUTING_RULE_NOT_FOUND, ORG_UNIT_NOT_FOUND, ORG_REGION_NOT_FOUND */
    async update(id: string, body: RoutingRuleBody): Promise<RoutingRuleView> {
      if (!(await repo.find(db, id))) {
        throw appError('ROUTING_RULE_NOT_FOUND', `No routing rule ${id}`);
      }
      await validate(body, 'body');
      const { id: _id, created_at: _c, ...patch } = toRow(body, id);
      await repo.update(db, id, patch);
      await reload();
      return toRule((await repo.find(db, id))!);
    },

    /** @throws ROUTING_RULE_NOT_FOUND */
    async remove(id: string): Promise<void> {
      if ((await repo.delete(db, id)) === 0) {
        throw appError('ROUTING_RULE_NOT_FOUND', `No routing rule ${id}`);
      }
      await reload();
    },

    /** The whole matrix as a document for export. */
    export: () => ({
      format: 'cityloop.routing/v1' as const,
      rules: rules.map(({ id: _id, ...r }) => r),
    }),

    /** Imports a matrix document; validated whole first, nothing written on any error. */
    async import(doc: RoutingImportBody): Promise<{ created: number; replaced: boolean }> {
      const problems: { path: string; message: string }[] = [];
      for (const [i, r] of doc.rules.entries()) {
        try {
          await validate(r, `body.rules.${i}`);
        } catch (err) {
          problems.push(
            ...((err as { details?: { path: string; message: string }[] }).details ?? []),
          );
        }
      }
      if (problems.length > 0) {
        throw appError(
          'VALIDATION_FAILED',
          `${problems.length} routing rules are invalid; nothing was imported`,
          problems,
        );
      }
      await db.transaction().execute(async (trx) => {
        if (doc.replace) {
          await repo.deleteAll(trx);
        }
        await repo.insert(
          trx,
          doc.rules.map((r) => toRow(r, uuidv7(ctx.clock.now()))),
        );
      });
      await reload();
      return { created: doc.rules.length, replaced: doc.replace };
    },
  };
}
