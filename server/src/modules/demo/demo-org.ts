import type { Role, ScopeLevel } from '@common/roles';
import type { DemoCity } from './demo-city';

/**
 * The demo city's organisation, pure: the bureau and its two centres, the handling units
 * (one per matter class, utilities, and per street an enforcement team and the street
 * office), the routing of matters to them, and one account per role.
 */

export interface DemoUnit {
  code: string;
  name: string;
  nameEn: string;
  kind: 'bureau' | 'centre' | 'handling_unit' | 'street_office';
  parentCode: string | null;
  regionCode: string | null;
  matterMajors: string[];
}

export interface DemoRoutingRule {
  matterCode: string | null;
  majorCode: string | null;
  regionCode: string | null;
  unitCode: string;
  priority: number;
  note: string;
}

export interface DemoAccount {
  username: string;
  displayName: string;
  /** The account's main role (the start banner shows it). */
  role: Role;
  roles: Role[];
  unitCode: string | null;
  scope: { level: ScopeLevel; regionCode: string | null; unitCode: string | null };
  /** Grid codes of an inspector. */
  inspectorGrids?: string[];
}

const enforcementCode = (streetCode: string) => `enforcement-${streetCode}`;
const streetOfficeCode = (streetCode: string) => `street-office-${streetCode}`;

/** Units, parents first. */
export function demoUnits(city: DemoCity): DemoUnit[] {
  const district = city.regions.find((r) => r.level === 'district')!.code;
  const unit = (
    code: string,
    name: string,
    nameEn: string,
    kind: DemoUnit['kind'],
    matterMajors: string[] = [],
    parentCode: string | null = 'bureau',
    regionCode: string | null = district,
  ): DemoUnit => ({ code, name, nameEn, kind, parentCode, regionCode, matterMajors });
  const units: DemoUnit[] = [
    unit('bureau', '云溪区城市管理局', 'Yunxi District City Management Bureau', 'bureau', [], null),
    unit('supervision-centre', '云溪区城市运行管理监督中心', 'Supervision Centre', 'centre'),
    unit('command-centre', '云溪区城市运行管理指挥中心', 'Command Centre', 'centre'),
    unit('sanitation', '云溪区环境卫生管理所', 'Sanitation Office', 'handling_unit', ['03', '06']),
    unit('municipal', '云溪区市政设施管理所', 'Municipal Facilities Office', 'handling_unit', ['01']),
    unit('greening', '云溪区园林绿化管理所', 'Greening Office', 'handling_unit', ['04']),
    unit('enforcement', '云溪区城管执法大队', 'Enforcement Brigade', 'handling_unit', ['05', '07', '09', '10']),
    unit('construction', '云溪区住房和城乡建设局', 'Housing and Construction Bureau', 'handling_unit', ['08'], null),
    unit('traffic', '示范市公安局交通警察支队云溪大队', 'Traffic Police Yunxi Brigade', 'handling_unit', ['02'], null),
    unit('streetlight', '示范市供电公司路灯管理所', 'Street Lighting Office (power company)', 'handling_unit', [], null),
    unit('power', '示范市供电公司云溪供电分公司', 'Power Supply Company', 'handling_unit', [], null),
    unit('water', '示范市水务集团有限公司', 'Water Company', 'handling_unit', [], null),
    unit('gas', '示范燃气有限公司', 'Gas Company', 'handling_unit', [], null),
    unit('telecom', '示范市信息通信管线中心', 'Telecom Ducts Centre', 'handling_unit', [], null),
  ]; // prettier-ignore
  for (const s of city.streets) {
    const short = s.name.replace(/街道$/, '');
    units.push(
      unit(enforcementCode(s.code), `云溪区城管执法大队${short}中队`, `Enforcement Team ${s.code}`, 'handling_unit', ['07', '09'], 'enforcement', s.code),
      unit(streetOfficeCode(s.code), `${s.name}办事处`, `Street Office ${s.code}`, 'street_office', ['05', '10'], null, s.code),
    ); // prettier-ignore
  }
  return units;
}

/** Specific matters that go to one unit whatever their major class says. */
const MATTER_UNITS: Record<string, readonly string[]> = {
  streetlight: ['01037', '01038', '01039', '01060'],
  water: ['01001', '01002', '01024', '01025', '01068', '01073', '06023', '06025', '06026', '06046'],
  power: ['01005', '01028', '01029', '01030', '01047', '01048'],
  telecom: ['01007', '01008', '01009', '01027', '01031', '01062'],
  gas: ['01011', '01021', '01036', '01049', '01057'],
  traffic: ['09009', '06016'],
  municipal: ['06013', '06049', '06050', '06051'],
  greening: ['06017', '06018', '06021', '06022', '06045'],
};

/** Street-level matters: the street's enforcement team handles them in its own street. */
const STREET_ENFORCEMENT_MATTERS = ['06001', '06027', '06029', '06036'];

/** The routing matrix: by major class, by street for street-level classes, and named matters. */
export function demoRouting(city: DemoCity): DemoRoutingRule[] {
  const rules: DemoRoutingRule[] = [];
  const major = (majorCode: string, unitCode: string, note: string, priority = 100) =>
    rules.push({ matterCode: null, majorCode, regionCode: null, unitCode, priority, note });
  major('01', 'municipal', '市政公用设施 → 市政所');
  major('02', 'traffic', '交通设施 → 交警大队');
  major('03', 'sanitation', '市容环卫设施 → 环卫所');
  major('04', 'greening', '园林绿化设施 → 园林所');
  major('06', 'sanitation', '市容环境 → 环卫所');
  major('08', 'construction', '施工管理 → 住建局');
  for (const m of ['05', '07', '09', '10']) {
    major(m, 'enforcement', '无街道规则时 → 执法大队', 200);
  }
  for (const s of city.streets) {
    for (const m of ['07', '09']) {
      rules.push({
        matterCode: null,
        majorCode: m,
        regionCode: s.code,
        unitCode: enforcementCode(s.code),
        priority: 100,
        note: `${s.name}: 宣传广告、街面秩序 → 执法中队`,
      });
    }
    for (const m of ['05', '10']) {
      rules.push({
        matterCode: null,
        majorCode: m,
        regionCode: s.code,
        unitCode: streetOfficeCode(s.code),
        priority: 100,
        note: `${s.name}: 其他 → 街道办事处`,
      });
    }
    for (const matter of STREET_ENFORCEMENT_MATTERS) {
      rules.push({
        matterCode: matter,
        majorCode: null,
        regionCode: s.code,
        unitCode: enforcementCode(s.code),
        priority: 100,
        note: `${s.name}: 违法类事项 → 执法中队`,
      });
    }
  }
  for (const [unitCode, matters] of Object.entries(MATTER_UNITS)) {
    for (const matterCode of matters) {
      rules.push({
        matterCode,
        majorCode: null,
        regionCode: null,
        unitCode,
        priority: 100,
        note: '专业事项 → 权属单位',
      });
    }
  }
  return rules;
}

const INSPECTOR_NAMES = ['周文斌', '郑雪梅', '黄国栋', '何静', '林志伟', '杨帆', '徐丽', '马超'];

/**
 * The demo accounts: one per role, plus one inspector per street so every grid has exactly
 * one inspector (`inspector` keeps the first community; each street inspector takes the
 * rest of their street).
 */
export function demoAccountSpecs(city: DemoCity): DemoAccount[] {
  const first = city.streets[0]!;
  const firstCommunity = first.communityCodes[0]!;
  const city0 = { level: 'city' as const, regionCode: null, unitCode: null };
  const accounts: DemoAccount[] = [
    { username: 'admin', displayName: '系统管理员', role: 'admin', roles: ['admin'], unitCode: 'bureau', scope: city0 },
    { username: 'bureau', displayName: '王建国', role: 'bureau_leader', roles: ['bureau_leader'], unitCode: 'bureau', scope: city0 },
    { username: 'clerk', displayName: '李晓梅', role: 'intake_clerk', roles: ['intake_clerk'], unitCode: 'supervision-centre', scope: city0 },
    { username: 'leader', displayName: '张振华', role: 'shift_leader', roles: ['shift_leader'], unitCode: 'supervision-centre', scope: city0 },
    { username: 'dispatcher', displayName: '陈思远', role: 'dispatcher', roles: ['dispatcher'], unitCode: 'command-centre', scope: city0 },
    {
      username: 'inspector',
      displayName: '刘志强',
      role: 'inspector',
      roles: ['inspector'],
      unitCode: 'supervision-centre',
      scope: { level: 'street', regionCode: first.code, unitCode: null },
      inspectorGrids: city.grids.filter((g) => g.communityCode === firstCommunity).map((g) => g.code),
    },
    { username: 'unit', displayName: '赵丽娟', role: 'unit_staff', roles: ['unit_staff'], unitCode: 'sanitation', scope: { level: 'unit', regionCode: null, unitCode: 'sanitation' } },
    { username: 'unitlead', displayName: '孙德明', role: 'unit_leader', roles: ['unit_leader'], unitCode: 'sanitation', scope: { level: 'unit', regionCode: null, unitCode: 'sanitation' } },
    { username: 'chief', displayName: '吴海涛', role: 'street_chief', roles: ['street_chief'], unitCode: streetOfficeCode(first.code), scope: { level: 'street', regionCode: first.code, unitCode: null } },
  ]; // prettier-ignore
  city.streets.forEach((s, k) => {
    const own = new Set(s.communityCodes.filter((c) => c !== firstCommunity));
    const name = INSPECTOR_NAMES[k % INSPECTOR_NAMES.length]!;
    accounts.push({
      username: `inspector${k + 2}`,
      displayName:
        k < INSPECTOR_NAMES.length ? name : `${name}${Math.floor(k / INSPECTOR_NAMES.length) + 1}`,
      role: 'inspector',
      roles: ['inspector'],
      unitCode: 'supervision-centre',
      scope: { level: 'street', regionCode: s.code, unitCode: null },
      inspectorGrids: city.grids.filter((g) => own.has(g.communityCode)).map((g) => g.code),
    });
  });
  return accounts;
}
