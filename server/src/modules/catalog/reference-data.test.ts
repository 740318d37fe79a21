import type { TimeUnit } from '@common/roles';
import { describe, expect, it } from 'vitest';
import { STAGES, URGENCIES, type TimeLimit } from './catalog.types';
import {
  DEFAULT_CONDITIONS,
  DEFAULT_STAGE_LIMITS,
  GENERIC_COMPONENT_CONDITION,
  GENERIC_EVENT_CONDITION,
} from './default-limits';
import { localCodeProblem } from './local-codes';
import { pinyinInitials } from './pinyin';
import { csvLine, loadReferenceCatalog, parseCsv, parseReferenceTable } from './reference-data';

const ref = loadReferenceCatalog();
const matters = new Map(ref.matters.map((m) => [m.code, m]));

/** Nominal minutes of a limit, to compare area classes (a working day is 7.5 working hours). */
const NOMINAL: Record<TimeUnit, number> = {
  minute: 1,
  hour: 60,
  working_hour: 60,
  working_day: 450,
};
const nominal = (l: TimeLimit) => l.amount * NOMINAL[l.unit];

describe('reference tables (GB/T 47678.5-2026)', () => {
  it('hold 153 components in classes 01–05 and 250 matters in classes 01–10', () => {
    expect(ref.components).toHaveLength(153);
    expect(ref.matters).toHaveLength(250);
    expect(new Set(ref.components.map((c) => c.majorCode))).toEqual(
      new Set(['01', '02', '03', '04', '05']),
    );
    expect(new Set(ref.matters.map((c) => c.majorCode)).size).toBe(10);
  });

  it('give every component one abnormal matter with the same code, plus 97 event matters', () => {
    const componentMatters = ref.matters.filter((m) => m.componentCode);
    expect(componentMatters).toHaveLength(153);
    expect(componentMatters.every((m) => m.componentCode === m.code)).toBe(true);
    expect(ref.matters.filter((m) => !m.componentCode)).toHaveLength(97);
    expect(matters.get('06010')?.name).toBe('暴露垃圾');
    expect(matters.get('09009')?.name).toBe('机动车乱停放');
  });

  it('rejects a malformed table', () => {
    expect(() =>
      parseReferenceTable('component', 'code,major_code,major_name,name\n1,01,x,y\n'),
    ).toThrow(/bad code/);
    expect(() =>
      parseReferenceTable('component', 'code,major_code,major_name,name\n01001,02,x,y\n'),
    ).toThrow(/major/);
    expect(() => parseReferenceTable('matter', 'code,major_code,major_name,name\n')).toThrow(
      /component_code/,
    );
  });

  it('parses quoted CSV and writes it back', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, ""y""",z\n')).toEqual([
      ['a', 'b'],
      ['x, "y"', 'z'],
    ]);
    expect(csvLine(['x, "y"', 1, null])).toBe('"x, ""y""",1,');
  });
});

describe('default registration conditions', () => {
  it('name real matters of the table', () => {
    for (const d of DEFAULT_CONDITIONS) {
      const m = matters.get(d.code);
      expect(m, d.code).toBeDefined();
      expect(m!.name, d.code).toContain(d.hint);
    }
  });

  it('cover at least 25 distinct common matters, each at most once', () => {
    const codes = DEFAULT_CONDITIONS.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    const events = codes.filter((c) => !matters.get(c)!.componentCode);
    expect(events.length).toBeGreaterThanOrEqual(25);
    for (const code of [
      '06001',
      '06010',
      '06012',
      '06013',
      '06014',
      '06017',
      '06036',
      '06042',
      '07001',
      '07003',
      '08001',
      '09001',
      '09005',
      '09006',
      '09009',
      '09010',
      '01002',
      '01037',
      '04002',
    ]) {
      expect(codes, code).toContain(code);
    }
  });

  it('follow domain.md §3 where it gives figures', () => {
    const of = (code: string) => DEFAULT_CONDITIONS.find((d) => d.code === code)!.conditions;
    expect(of('06010')[0]!.limits.B).toEqual({ amount: 4, unit: 'working_hour' });
    expect(of('06012')[0]!.limits).toMatchObject({
      A: { amount: 2, unit: 'working_hour' },
      C: { amount: 5, unit: 'working_hour' },
    });
    const cover = of('01002')[0]!;
    expect(cover).toMatchObject({ urgent: true, limits: { B: { amount: 2, unit: 'hour' } } });
    const [stop, demolish] = of('06001');
    expect(stop!.limits.B).toEqual({ amount: 4, unit: 'working_hour' });
    expect(demolish!.limits.A).toEqual({ amount: 15, unit: 'working_day' });
    expect(demolish!.limits.C).toEqual({ amount: 20, unit: 'working_day' });
  });

  it('are stricter in A than in B, and in B than in C', () => {
    const all = [
      ...DEFAULT_CONDITIONS.flatMap((d) => d.conditions),
      GENERIC_EVENT_CONDITION,
      GENERIC_COMPONENT_CONDITION,
    ];
    for (const c of all) {
      const [a, b, cc] = [nominal(c.limits.A), nominal(c.limits.B), nominal(c.limits.C)];
      expect(a, c.name).toBeLessThanOrEqual(b);
      expect(b, c.name).toBeLessThanOrEqual(cc);
      expect(a, c.name).toBeLessThan(cc);
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.closureCondition.length).toBeGreaterThan(0);
    }
  });
});

describe('default stage limits', () => {
  it('cover every stage × urgency × area class once', () => {
    expect(DEFAULT_STAGE_LIMITS).toHaveLength(STAGES.length * URGENCIES.length * 3);
    const keys = new Set(DEFAULT_STAGE_LIMITS.map((l) => `${l.stage}/${l.urgency}/${l.areaClass}`));
    expect(keys.size).toBe(DEFAULT_STAGE_LIMITS.length);
  });

  it('follow domain.md §3', () => {
    const get = (s: string, u: string, a: string) =>
      DEFAULT_STAGE_LIMITS.find((l) => l.stage === s && l.urgency === u && l.areaClass === a);
    expect(get('verify', 'normal', 'C')).toMatchObject({ amount: 2, unit: 'hour' });
    expect(get('dispatch', 'urgent', 'A')).toMatchObject({ amount: 10, unit: 'minute' });
    expect(get('register', 'normal', 'B')).toMatchObject({ amount: 30, unit: 'minute' });
    expect(get('acknowledge', 'normal', 'A')).toMatchObject({ amount: 1, unit: 'working_hour' });
    for (const l of DEFAULT_STAGE_LIMITS.filter((x) => x.urgency === 'urgent')) {
      const normal = get(l.stage, 'normal', l.areaClass)!;
      expect(nominal(l), `${l.stage}/${l.areaClass}`).toBeLessThanOrEqual(nominal(normal));
    }
  });
});

describe('local codes', () => {
  const majors = new Set(['06', '07']);
  it('take minors 090–099 in a standard class, anything in a local class', () => {
    expect(localCodeProblem('06099', majors)).toBeNull();
    expect(localCodeProblem('06090', majors)).toBeNull();
    expect(localCodeProblem('11001', majors)).toBeNull();
    expect(localCodeProblem('06053', majors)).toMatch(/reserved/);
    expect(localCodeProblem('01016', new Set(['01']))).toMatch(/reserved/);
    expect(localCodeProblem('0610', majors)).toMatch(/5-digit/);
  });
});

describe('pinyinInitials', () => {
  it('gives the initials of the names', () => {
    expect(pinyinInitials('暴露垃圾')).toBe('bllj');
    expect(pinyinInitials('机动车乱停放')).toBe('jdcltf');
    expect(pinyinInitials('垃圾站（箱）满溢')).toBe('ljzxmy');
    expect(pinyinInitials('紧急报警点异常SOS')).toBe('jjbjdycsos');
  });
  it('reads the polyphones of the tables right', () => {
    expect(pinyinInitials('行道树异常')).toBe('hdsyc');
    expect(pinyinInitials('燃气调压站（箱）异常')).toBe('rqtyzxyc');
  });
});
