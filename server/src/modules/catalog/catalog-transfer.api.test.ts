import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app';
import { buildUser } from '../../../test/factories';

interface Doc {
  format: string;
  version: number;
  exportedAt?: string;
  extensions: Record<string, unknown>[];
  conditions: (Record<string, unknown> & { id?: string; matterCode: string; seq: number })[];
  stageLimits: Record<string, unknown>[];
  legacyOverrides: Record<string, unknown>[];
}

const paths = (res: { json(): { error: { details?: { path: string }[] } } }) =>
  (res.json().error.details ?? []).map((d) => d.path).sort();

/** A document without the parts that legitimately differ between stores (time, ids). */
function comparable(doc: Doc) {
  const { exportedAt: _, ...rest } = doc;
  return {
    ...rest,
    conditions: rest.conditions
      .map(({ id: _id, ...c }) => c)
      .sort((a, b) => a.matterCode.localeCompare(b.matterCode) || a.seq - b.seq),
  };
}

async function adminApp(): Promise<{ t: TestApp; admin: string; clerk: string }> {
  const t = await createTestApp();
  await t.services.catalog.seedReference();
  await buildUser(t, { username: 'cadmin', roles: ['admin'] });
  await buildUser(t, { username: 'clerk', roles: ['intake_clerk'] });
  return { t, admin: await login(t, 'cadmin'), clerk: await login(t, 'clerk') };
}

describe('catalog seed, export and import', () => {
  let t: TestApp;
  let admin: string;
  let clerk: string;
  let closed = false;
  beforeAll(async () => {
    ({ t, admin, clerk } = await adminApp());
  });
  afterAll(async () => {
    if (!closed) {
      await t.close();
    }
  });

  const exportDoc = async (app = t, token = clerk): Promise<Doc> => {
    const res = await app.req({ method: 'GET', url: '/api/v1/catalog/export', token });
    expect(res.statusCode).toBe(200);
    return res.json<Doc>();
  };
  const importDoc = (payload: unknown, query = '', app = t, token = admin) =>
    app.req({
      method: 'POST',
      url: `/api/v1/catalog/import${query}`,
      token,
      payload: payload as object,
    });

  describe('seed', () => {
    it('gives every matter a condition and every stage a limit', async () => {
      const doc = await exportDoc();
      expect(doc.format).toBe('cityloop-catalog');
      expect(doc.version).toBe(1);
      expect(new Set(doc.conditions.map((c) => c.matterCode)).size).toBe(250);
      expect(doc.stageLimits).toHaveLength(30);
      expect(doc.extensions).toEqual([]);
      expect(doc.legacyOverrides).toEqual([]);
      // Specific conditions for the common matters, more than one for some.
      expect(doc.conditions.filter((c) => c.matterCode === '06001')).toHaveLength(3);
      expect(doc.conditions.filter((c) => c.matterCode === '06010')).toHaveLength(2);
    });

    it('is idempotent and keeps an admin’s edits', async () => {
      const before = await exportDoc();
      const id = before.conditions.find((c) => c.matterCode === '06010' && c.seq === 1)!.id!;
      const limits = {
        A: { amount: 3, unit: 'working_hour' },
        B: { amount: 5, unit: 'working_hour' },
        C: { amount: 9, unit: 'working_hour' },
      };
      await t.req({
        method: 'PUT',
        url: `/api/v1/catalog/conditions/${id}/limits`,
        token: admin,
        payload: limits,
      });
      await t.req({
        method: 'PATCH',
        url: '/api/v1/catalog/components/01001',
        token: admin,
        payload: { active: false },
      });
      await t.req({
        method: 'PUT',
        url: '/api/v1/catalog/stage-limits',
        token: admin,
        payload: {
          items: [
            { stage: 'verify', urgency: 'normal', areaClass: 'A', amount: 20, unit: 'minute' },
          ],
        },
      });
      const edited = await exportDoc();

      const again = await t.services.catalog.seedReference();
      expect(again).toMatchObject({
        components: 153,
        matters: 250,
        mattersSeeded: 0,
        conditionsCreated: 0,
        stageLimitsCreated: 0,
        staleEntries: [],
      });
      expect(comparable(await exportDoc())).toEqual(comparable(edited));
      expect((await exportDoc()).conditions.find((c) => c.id === id)).toMatchObject({ limits });
      const comp = await t.req({
        method: 'GET',
        url: '/api/v1/catalog/components/01001',
        token: clerk,
      });
      expect(comp.json().active).toBe(false);
      const counts = await t.req({ method: 'GET', url: '/api/v1/catalog/matters', token: clerk });
      expect(counts.json().total).toBe(250);
    });
  });

  describe('POST /api/v1/catalog/import', () => {
    it('ladder: 401, 400 for the structure, 403 for a non-admin', async () => {
      const doc = await exportDoc();
      expect(
        (await t.req({ method: 'POST', url: '/api/v1/catalog/import', payload: doc })).statusCode,
      ).toBe(401);
      const structure = await importDoc({
        ...doc,
        format: 'other',
        conditions: [
          { ...doc.conditions[0], limits: { A: { amount: -1, unit: 'working_hour' } } },
          { ...doc.conditions[1], urgent: 'no', colour: 'red' },
        ],
      });
      expect(structure.statusCode).toBe(400);
      expect(structure.json().error.code).toBe('VALIDATION_FAILED');
      expect(paths(structure)).toEqual([
        'body.conditions.0.limits.A.amount',
        'body.conditions.0.limits.B',
        'body.conditions.0.limits.C',
        'body.conditions.1.colour',
        'body.conditions.1.urgent',
        'body.format',
      ]);
      const dryRun = await importDoc(doc, '?dryRun=yes');
      expect(dryRun.statusCode).toBe(400);
      expect(paths(dryRun)).toEqual(['query.dryRun']);
      expect((await importDoc(doc, '', t, clerk)).statusCode).toBe(403);
    });

    it('re-importing the export changes nothing', async () => {
      const doc = await exportDoc();
      const res = await importDoc(doc);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        dryRun: false,
        conditions: { created: [], updated: [], unchanged: doc.conditions.length },
        stageLimits: { created: [], updated: [], unchanged: 30 },
      });
    });

    it('writes nothing when one item is bad, and lists every bad item with its path', async () => {
      const before = await exportDoc();
      const doc: Doc = structuredClone(before);
      doc.extensions.push({ kind: 'matter', code: '06098', majorName: '市容环境类', name: '本地' });
      doc.conditions[0] = { ...doc.conditions[0]!, name: '改过的名称' };
      doc.conditions.push({
        ...doc.conditions[1]!,
        id: undefined,
        matterCode: '06097',
        seq: 1,
      });
      doc.legacyOverrides.push({ legacyCode: '01-10', legacyKind: 'event', code: '06098' });
      const one = await importDoc(doc);
      expect(one.statusCode).toBe(400);
      expect(one.json().error.code).toBe('CATALOG_IMPORT_INVALID');
      expect(paths(one)).toEqual([`body.conditions.${doc.conditions.length - 1}.matterCode`]);
      expect(comparable(await exportDoc())).toEqual(comparable(before));

      // Several problems at once: all listed.
      doc.extensions.push({ kind: 'matter', code: '06010', majorName: 'x', name: '冒充标准' });
      doc.extensions.push({ kind: 'matter', code: '06060', majorName: 'x', name: '保留号段' });
      doc.extensions.push({
        kind: 'component',
        code: '01098',
        majorName: 'x',
        name: 'y',
        componentCode: '01001',
      });
      doc.legacyOverrides.push({ legacyCode: '0101', legacyKind: 'component', code: '06010' });
      doc.legacyOverrides.push({ legacyCode: '00-01', legacyKind: 'event', code: '06010' });
      const i = doc.conditions.findIndex((c) => c.matterCode === '06012');
      doc.conditions[i] = { ...doc.conditions[i]!, active: false };
      const many = await importDoc(doc);
      expect(many.statusCode).toBe(400);
      expect(paths(many)).toEqual(
        [
          `body.conditions.${doc.conditions.length - 1}.matterCode`,
          `body.conditions.${i}.active`,
          'body.extensions.1.code',
          'body.extensions.2.code',
          'body.extensions.3.componentCode',
          'body.legacyOverrides.1.code',
          'body.legacyOverrides.2.legacyCode',
        ].sort(),
      );
      expect(comparable(await exportDoc())).toEqual(comparable(before));
    });

    it('reports with dryRun=true what would change, and writes nothing', async () => {
      const before = await exportDoc();
      const doc: Doc = structuredClone(before);
      doc.extensions.push({ kind: 'matter', code: '06098', majorName: '市容环境类', name: '本地' });
      doc.conditions[0] = { ...doc.conditions[0]!, name: '改过的名称' };
      doc.legacyOverrides.push({ legacyCode: '01-10', legacyKind: 'event', code: '06098' });
      doc.stageLimits[0] = { ...doc.stageLimits[0]!, amount: 99 };
      const res = await importDoc(doc, '?dryRun=true');
      expect(res.statusCode).toBe(200);
      const key0 = `${doc.conditions[0].matterCode}#${doc.conditions[0].seq}`;
      expect(res.json()).toMatchObject({
        dryRun: true,
        extensions: { created: ['matter:06098'], updated: [], unchanged: 0 },
        conditions: { created: [], updated: [key0], unchanged: doc.conditions.length - 1 },
        stageLimits: { created: [], updated: [expect.any(String)], unchanged: 29 },
        legacyOverrides: { created: ['event:0110'], updated: [], unchanged: 0 },
      });
      expect(comparable(await exportDoc())).toEqual(comparable(before));

      // Without dryRun the same document is written; the new local matter gets a condition.
      const real = await importDoc(doc);
      expect(real.statusCode).toBe(200);
      expect(real.json()).toMatchObject({
        dryRun: false,
        extensions: { created: ['matter:06098'] },
      });
      const after = await exportDoc();
      expect(after.extensions).toEqual([
        {
          kind: 'matter',
          code: '06098',
          majorName: '市容环境类',
          name: '本地',
          nameEn: null,
          componentCode: null,
          active: true,
        },
      ]);
      expect(after.conditions.filter((c) => c.matterCode === '06098')).toHaveLength(1);
      const resolved = await t.services.catalog.resolveCode('01-10', { kind: 'matter' });
      expect(resolved).toEqual({
        kind: 'matter',
        code: '06098',
        original: '01-10',
        mappedBy: 'override',
      });
    });

    it('keeps the id of a condition new to the store', async () => {
      const doc: Doc = structuredClone(await exportDoc());
      const template = doc.conditions.find((c) => c.matterCode === '06010' && c.seq === 1)!;
      const added = { ...template, id: 'imported-condition-1', seq: 7, name: '导入的条件' };
      const res = await importDoc({ ...doc, conditions: [added] });
      expect(res.statusCode).toBe(200);
      expect(res.json().conditions.created).toEqual(['06010#7']);
      const got = await t.req({
        method: 'GET',
        url: '/api/v1/catalog/conditions/imported-condition-1',
        token: clerk,
      });
      expect(got.json()).toMatchObject({ matterCode: '06010', seq: 7, name: '导入的条件' });
      // An id that belongs to another condition is refused.
      const clash = await importDoc({ ...doc, conditions: [{ ...added, seq: 8 }] });
      expect(clash.statusCode).toBe(400);
      expect(paths(clash)).toEqual(['body.conditions.0.id']);
    });

    it('round-trips: export → import into a fresh store → the same export', async () => {
      const source = await exportDoc();
      // One store at a time: the test harness migrates PostgreSQL schemas one by one.
      await t.close();
      closed = true;
      const other = await adminApp();
      try {
        const res = await importDoc(source, '', other.t, other.admin);
        expect(res.statusCode).toBe(200);
        expect(res.json().extensions.created).toEqual(['matter:06098']);
        const copy = await exportDoc(other.t, other.clerk);
        expect(comparable(copy)).toEqual(comparable(source));
        // New conditions keep their ids when free.
        const local = source.conditions.find((c) => c.matterCode === '06098')!;
        expect(copy.conditions.find((c) => c.matterCode === '06098')!.id).toBe(local.id);
      } finally {
        await other.t.close();
      }
    });
  });
});
