/**
 * Test driver for evaluation tests: drives real cases through `services.cases.intake/act`
 * in the loop city, as its users, on the test app's manual clock.
 */
import type { CaseAction, CaseSource } from '@common/workflow';
import type { TestApp } from '../../../../test/app';
import { uploadPhoto, type LoopCity } from '../../../../test/loop-city';
import type { Actor } from '../../auth/actor';
import type { ActionBody, CreateCaseBody } from '../../cases/cases.schema';
import type { CaseRow } from '../../cases/cases.table';

/** The loop city's users by username. */
export const LOOP_USERS = [
  'clerk',
  'leader',
  'dispatcher',
  'inspector',
  'westinspector',
  'unit',
  'unit2',
  'bureau',
  'eastclerk',
  'westclerk',
] as const;
export type LoopUser = (typeof LOOP_USERS)[number];

export interface CaseDriver {
  actors: Record<LoopUser, Actor>;
  ids: Record<LoopUser, string>;
  /** Sets the clock to an ISO instant. */
  at(iso: string): void;
  /** Reports a case as a user (source inspector for inspectors, public otherwise). */
  report(
    as: LoopUser,
    o: { point: [number, number]; source?: CaseSource; matterCode?: string; description?: string },
  ): Promise<CaseRow>;
  /** Runs an action with the case's current version; uploads a photo when asked to. */
  act(
    as: LoopUser,
    id: string,
    action: CaseAction,
    extra?: Partial<Omit<ActionBody, 'action' | 'version'>> & { photo?: boolean },
  ): Promise<CaseRow>;
  row(id: string): Promise<CaseRow>;
}

export async function createCaseDriver(t: TestApp, city: LoopCity): Promise<CaseDriver> {
  const users = await t.store.db
    .selectFrom('app_user')
    .select(['id', 'username'])
    .where('username', 'in', [...LOOP_USERS])
    .execute();
  const ids = Object.fromEntries(users.map((u) => [u.username, u.id])) as Record<LoopUser, string>;
  const actors = {} as Record<LoopUser, Actor>;
  for (const u of LOOP_USERS) {
    const a = await t.services.org.loadActor(ids[u]);
    if (!a) {
      throw new Error(`no actor ${u}`);
    }
    actors[u] = a;
  }
  const row = async (id: string) =>
    t.store.db.selectFrom('case_file').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return {
    actors,
    ids,
    at: (iso) => t.clock.set(iso),
    async report(as, o) {
      const body: CreateCaseBody = {
        source: o.source ?? (as === 'inspector' || as === 'westinspector' ? 'inspector' : 'public'),
        matterCode: o.matterCode,
        description: o.description ?? '路边有暴露垃圾需要清理',
        lng: o.point[0],
        lat: o.point[1],
        crs: 'wgs84',
        urgency: 'normal',
      };
      const res = await t.services.cases.intake(actors[as], body);
      return row(res.row.id);
    },
    async act(as, id, action, extra = {}) {
      const { photo, ...rest } = extra;
      const current = await row(id);
      const attachmentIds = photo ? [await uploadPhoto(t, city.tokens[as]!)] : undefined;
      await t.services.cases.act(actors[as], id, {
        action,
        version: current.version,
        ...rest,
        ...(attachmentIds ? { attachmentIds } : {}),
      });
      return row(id);
    },
    row,
  };
}
