import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CaseView } from '@common/case-view';
import type { CaseAction, CaseSource, DisposalMode } from '@common/workflow';
import type { TimeUnit } from '@common/roles';
import type { AppContext } from '../../context';
import { ManualClock, type Clock } from '../../lib/clock';
import type { Services, ServicesOptions } from '../../services';
import type { Actor } from '../auth/actor';
import type { ActionBody, CreateCaseBody } from '../cases/cases.schema';
import type { RegistrationCondition } from '../catalog/catalog.types';
import {
  addTime,
  addWorkingMs,
  formatInstant,
  fromLocalTime,
  toLocalTime,
  workingMsBetween,
  workingPeriodsOn,
  type WorkingCalendar,
} from '../clock';
import { createDiskBlobStorage, type BlobStorage } from '../attachments';
import { loadSharpThumbnailer } from '../attachments/thumbnail';
import { demoRepository as repo, type StoredDemoAccount } from './demo.repository';
import { hash01, intBetween, mulberry32, pickWeighted } from './prng';

/**
 * The demo city's history: `cases` finished cases over the eight weeks before "now", each told
 * from report to closure through the real services (`cases.intake`, `cases.act`, the overdue
 * sweep, attachment uploads), so every figure (rollups, rankings, 721, hotspots, the monthly
 * report) follows from the event log exactly as in real use. Nothing is inserted directly.
 *
 * The story is told on a services instance of its own over the same store, on a ManualClock
 * that moves forward as each case unfolds; cases are told one after the other in the order
 * they were reported, so while one is told it is the only open case and a sweep at its
 * deadline marks it alone. Every case of the history ends finished (closed, voided or
 * refused). The public and the hotline report on rest days (weekends, holidays) too, a third
 * as much as on a working day. On top of them come the work in progress: a few cases reported
 * in the last two working days that stop on the way (an inspector to verify, a case to
 * dispatch, a unit to acknowledge or handle, a fix to check, a hung case), so the work
 * queues, the map and the command centre of a fresh demo city show a day's work, and the
 * reports of the rest days since the last working day, dispatched and waiting for the units;
 * those whose deadline passes before the server starts are marked overdue by its sweep.
 * Deterministic: the same seed, city and day give the same cases, numbers and states (choices
 * come from the seed, never from ids or the clock of the machine).
 */

export interface DemoHistoryOptions {
  seed: number;
  /** Number of finished cases to tell. */
  cases: number;
  /**
   * Cases left in progress on top of them (default: 4 % of `cases`, 3 to 40); the reports of
   * the rest days since the last working day come on top of these.
   */
  inProgress?: number;
  /** "Now": the history ends before the start of this local day. Default: the context's clock. */
  now?: number;
}

export interface DemoHistoryReport {
  /** Finished cases. */
  cases: number;
  /** Cases left in progress, the rest days' reports included (their states are in `states`). */
  inProgress: number;
  /** First and last local day with an event. */
  from: string;
  to: string;
  /** Cases by final state. */
  states: Record<string, number>;
  /** Cases by what happened on the way (a case can count under several). */
  paths: Record<string, number>;
  events: number;
  photos: number;
  /** Handling units that got a staff account of their own for the history. */
  staffAccounts: number;
  ms: number;
}

export interface DemoHistoryDeps {
  ctx: AppContext;
  /** A services instance over the same store on the given clock (services.ts wires it). */
  servicesAt(clock: Clock, opts?: ServicesOptions): Promise<Services>;
}

// ---------------------------------------------------------------------------------------------
// The cast and the script

const MINUTE = 60_000;
/** Calendar days of history before today. */
const WINDOW_DAYS = 56;
/** Reports on a rest day (weekend, holiday), as a share of a working day's. */
const REST_DAY_SHARE = 0.35;

/** Matters of the demo history: code, weight, what people report and what the unit did. */
interface MatterSpec {
  code: string;
  weight: number;
  reports: readonly string[];
  feedback: readonly string[];
  /** An inspector may fix it on the spot (self-handling). */
  selfHandle?: string;
}

// prettier-ignore
const MATTERS: readonly MatterSpec[] = [
  // 06 市容环境 → sanitation unless named otherwise
  { code: '06010', weight: 14, reports: ['{p}路边有暴露垃圾，堆了好几天无人清理', '{p}绿化带旁有成堆生活垃圾', '{p}有人乱倒垃圾，气味很大'], feedback: ['已组织保洁人员清运垃圾，并对地面进行冲洗', '垃圾已清运完毕，现场无残留'], selfHandle: '已现场清理零星垃圾' },
  { code: '06042', weight: 6, reports: ['{p}垃圾箱满溢，周边散落垃圾', '{p}垃圾站垃圾溢出，影响通行'], feedback: ['已安排清运车辆清运，周边散落垃圾已清扫', '满溢垃圾已清运，已调整收运频次'] },
  { code: '06012', weight: 4, reports: ['{p}路面油污明显，行人易滑倒', '{p}人行道泥土覆盖，非常脏'], feedback: ['已安排洒水车冲洗路面', '路面已清扫冲洗干净'] },
  { code: '06014', weight: 2, reports: ['{p}渣土车遗撒，路面有大量泥沙'], feedback: ['遗撒物已清除，路面冲洗干净，已通报执法部门追查运输单位'] },
  { code: '06035', weight: 2, reports: ['{p}有人丢弃旧沙发和床垫', '{p}路边丢弃废旧家电'], feedback: ['废弃家具已清运至大件垃圾处理点'] },
  { code: '06041', weight: 2, reports: ['{p}垃圾桶混装混投，分类不到位'], feedback: ['已对投放点进行整改，并对物业和居民开展分类宣传'] },
  { code: '06037', weight: 1, reports: ['{p}路中间有动物尸体'], feedback: ['动物尸体已清理，现场已消毒'] },
  { code: '03001', weight: 2, reports: ['{p}公厕洗手池损坏，无法使用', '{p}公厕卫生脏污，异味明显'], feedback: ['已完成维修并清洁消毒，公厕恢复正常开放'] },
  { code: '03005', weight: 2, reports: ['{p}垃圾箱破损，盖子缺失'], feedback: ['已更换新垃圾箱'] },
  // municipal facilities
  { code: '06013', weight: 5, reports: ['{p}人行道砖块松动，下雨积水', '{p}车行道出现坑槽，车辆经过颠簸'], feedback: ['已对破损路面进行修补，路面平整', '松动道板已重新铺设'] },
  { code: '06050', weight: 2, reports: ['{p}路缘石破损移位'], feedback: ['路缘石已更换并安装稳固'] },
  { code: '06051', weight: 2, reports: ['{p}盲道被截断，砖块缺失'], feedback: ['盲道已修复，连续贯通'] },
  { code: '01003', weight: 2, reports: ['{p}雨水井盖破损，存在安全隐患'], feedback: ['已更换雨水井盖，与路面平顺'] },
  { code: '01004', weight: 2, reports: ['{p}雨水箅子堵塞，路面积水', '{p}雨水箅子缺失'], feedback: ['已疏通雨水口，积水已排除', '已补装雨水箅子'] },
  { code: '01013', weight: 1, reports: ['{p}消火栓漏水'], feedback: ['消火栓已维修，恢复正常'] },
  // utilities
  { code: '01002', weight: 2, reports: ['{p}污水井盖松动，有异响'], feedback: ['井盖已加固，异响消除'] },
  { code: '01001', weight: 1, reports: ['{p}供水井盖下沉'], feedback: ['井盖已调平'] },
  { code: '06025', weight: 1, reports: ['{p}河道水面漂浮垃圾较多'], feedback: ['已安排保洁船打捞，水面已清理干净'] },
  { code: '01005', weight: 1, reports: ['{p}电力井盖破损'], feedback: ['电力井盖已更换'] },
  { code: '01030', weight: 1, reports: ['{p}电线杆倾斜'], feedback: ['电杆已扶正加固'] },
  { code: '01028', weight: 1, reports: ['{p}电力设施箱门损坏，线缆外露'], feedback: ['箱门已修复，隐患已排除'] },
  { code: '01007', weight: 1, reports: ['{p}通信井盖缺角'], feedback: ['通信井盖已更换'] },
  { code: '01027', weight: 1, reports: ['{p}通信交接箱箱门脱落'], feedback: ['交接箱已修复上锁'] },
  { code: '01011', weight: 1, reports: ['{p}燃气井盖松动'], feedback: ['燃气井盖已紧固，已做安全检查'] },
  { code: '01037', weight: 4, reports: ['{p}路灯不亮，晚上很黑', '{p}连续几盏路灯白天亮灯'], feedback: ['已更换灯具，路灯恢复正常照明', '控制器已检修，亮灯恢复正常'] },
  // greening
  { code: '06017', weight: 3, reports: ['{p}绿地里有很多垃圾和枯枝', '{p}绿地被踩踏裸露，杂物堆积'], feedback: ['绿地已清理干净，裸露处已补植'] },
  { code: '06018', weight: 2, reports: ['{p}修剪下来的树枝堆在路边没人清运'], feedback: ['绿化弃料已清运'] },
  { code: '06045', weight: 1, reports: ['{p}有人在绿地里种菜'], feedback: ['已劝导清除，绿地已恢复'] },
  { code: '04002', weight: 2, reports: ['{p}行道树枯死', '{p}行道树严重倾斜，遮挡路灯'], feedback: ['已补植新树', '已修剪扶正'] },
  // traffic
  { code: '09009', weight: 3, reports: ['{p}机动车长期停在人行道上', '{p}车辆占用盲道停放'], feedback: ['已贴单告知并联系车主驶离', '已依法处置，车辆已驶离'] },
  { code: '02014', weight: 1, reports: ['{p}交通信号灯不亮'], feedback: ['信号灯已检修，恢复正常运行'] },
  { code: '02017', weight: 1, reports: ['{p}交通护栏被撞倒'], feedback: ['护栏已修复'] },
  { code: '06016', weight: 1, reports: ['{p}斑马线磨损看不清'], feedback: ['交通标线已重新施划'] },
  // street order and advertising → the street's enforcement team
  { code: '09006', weight: 7, reports: ['{p}有流动摊贩占道经营', '{p}早市摊位占用人行道', '{p}有人摆摊卖水果堵住路口'], feedback: ['已劝离摊贩，现场恢复秩序', '已依法查处占道经营行为'], selfHandle: '已现场劝离占道摊贩' },
  { code: '09005', weight: 5, reports: ['{p}商户在店外摆放商品', '{p}餐馆把桌椅摆到人行道上'], feedback: ['已责令商户将物品收回店内', '已教育商户并签订门前三包责任书'] },
  { code: '09001', weight: 3, reports: ['{p}有无照游商兜售物品'], feedback: ['已劝离游商'], selfHandle: '已现场劝离游商' },
  { code: '07001', weight: 6, reports: ['{p}电线杆上贴满小广告', '{p}墙面被喷涂办证小广告'], feedback: ['小广告已清除，墙面已覆盖粉刷', '已清除小广告，并对号码进行停机处理'], selfHandle: '已现场清除小广告' },
  { code: '07003', weight: 1, reports: ['{p}户外广告牌松动，可能坠落'], feedback: ['隐患已排除，广告牌已拆除'] },
  { code: '07006', weight: 1, reports: ['{p}店招牌匾破损缺字'], feedback: ['已督促商户修复牌匾'] },
  { code: '09010', weight: 2, reports: ['{p}非机动车乱停乱放，堵住通道'], feedback: ['已规整非机动车'], selfHandle: '已现场规整车辆' },
  { code: '09011', weight: 3, reports: ['{p}共享单车堆积，占满人行道', '{p}大量损坏的共享单车堆在路边'], feedback: ['已通知运营企业清运调度，现场已规整'], selfHandle: '已现场规整共享单车' },
  { code: '06029', weight: 2, reports: ['{p}晚上有人露天烧烤，油烟很大'], feedback: ['已制止露天烧烤，现场已清理'] },
  { code: '06036', weight: 3, reports: ['{p}有人在楼道外堆放杂物', '{p}路边堆放建材杂物'], feedback: ['堆放物已清除，场地恢复整洁'] },
  { code: '06027', weight: 1, reports: ['{p}饭店油烟直排，居民投诉'], feedback: ['已责令商户安装油烟净化设施，复查达标'] },
  { code: '06001', weight: 1, reports: ['{p}有人正在私搭乱建'], feedback: ['已责令停止施工，现场已停工'] },
  // street office
  { code: '10002', weight: 2, reports: ['{p}架空线缆垂落，影响通行'], feedback: ['已协调产权单位将线缆规整'] },
  // construction
  { code: '08002', weight: 1, reports: ['{p}施工占用道路超出围挡范围'], feedback: ['已责令施工单位按许可范围整改'] },
  { code: '08004', weight: 2, reports: ['{p}工地扬尘很大，没有覆盖', '{p}工地裸土未覆盖，刮风时尘土飞扬'], feedback: ['已督促工地落实覆盖、洒水措施', '裸土已覆盖，雾炮已开启'] },
  { code: '08005', weight: 1, reports: ['{p}施工废弃料堆在路边'], feedback: ['施工废弃料已清运'] },
  { code: '08007', weight: 1, reports: ['{p}工地围挡倒了一段'], feedback: ['围挡已修复，设置规范'] },
  { code: '08001', weight: 1, reports: ['{p}工地施工噪声很大，影响休息'], feedback: ['已督促施工单位采取降噪措施'] },
];

/** Matters that come back to the same place (hotspots, repeat locations). */
const REPEAT_MATTERS = ['06010', '09006', '07001', '06042', '09011', '09005'];

/** How a unit works: the chance of each kind of trouble per assignment. */
interface Profile {
  /** Feedback after the handling deadline. */
  late: number;
  /** Acknowledged after the acknowledge limit. */
  ackLate: number;
  /** The check fails once (rework). */
  rework: number;
  extension: number;
  hang: number;
  /** The unit asks to return a case that was routed to it correctly. */
  returns: number;
  /** Shares of service, management and enforcement (the 721 ratio). */
  modes: readonly [number, number, number];
}

const SERVICE: Profile['modes'] = [86, 11, 3];
const GOOD: Profile = { late: 0.04, ackLate: 0.03, rework: 0.04, extension: 0.03, hang: 0.01, returns: 0.01, modes: SERVICE }; // prettier-ignore
const PROFILES: Record<string, Profile> = {
  sanitation: { ...GOOD, late: 0.06, rework: 0.07, extension: 0.04 },
  municipal: { late: 0.14, ackLate: 0.06, rework: 0.08, extension: 0.14, hang: 0.08, returns: 0.03, modes: [80, 17, 3] },
  greening: { ...GOOD, late: 0.02, rework: 0.02, extension: 0.02, hang: 0 },
  streetlight: { ...GOOD, late: 0.03 },
  water: { ...GOOD, late: 0.08, extension: 0.08, hang: 0.04 },
  gas: GOOD,
  power: { late: 0.55, ackLate: 0.3, rework: 0.35, extension: 0.35, hang: 0.05, returns: 0.55, modes: [85, 15, 0] },
  telecom: { late: 0.25, ackLate: 0.15, rework: 0.15, extension: 0.2, hang: 0.05, returns: 0.2, modes: SERVICE },
  traffic: { late: 0.12, ackLate: 0.08, rework: 0.05, extension: 0.05, hang: 0, returns: 0.1, modes: [45, 20, 35] },
  construction: { late: 0.5, ackLate: 0.25, rework: 0.35, extension: 0.35, hang: 0.05, returns: 0.55, modes: [10, 60, 30] },
  enforcement: { late: 0.1, ackLate: 0.05, rework: 0.08, extension: 0.05, hang: 0.02, returns: 0.04, modes: [45, 30, 25] },
  'street-office': { late: 0.18, ackLate: 0.1, rework: 0.12, extension: 0.1, hang: 0.04, returns: 0.12, modes: [55, 40, 5] },
}; // prettier-ignore

/** Enforcement teams and street offices differ by street: trouble × this, street by street. */
const STREET_TROUBLE = [0.3, 1, 2.4, 0.8, 1.5, 0.6, 1.2, 2];

/** Where a unit sends a case it gives back, and which unit a hurried dispatcher confuses it with. */
const FALLBACK: Record<string, string> = {
  power: 'municipal',
  telecom: 'municipal',
  water: 'municipal',
  gas: 'municipal',
  municipal: 'water',
  streetlight: 'power',
  greening: 'sanitation',
  sanitation: 'greening',
  traffic: 'enforcement',
  construction: 'enforcement',
};
const CONFUSED_WITH: Record<string, { unit: string; chance: number }> = {
  municipal: { unit: 'power', chance: 0.2 },
  streetlight: { unit: 'power', chance: 0.3 },
  water: { unit: 'telecom', chance: 0.1 },
  sanitation: { unit: 'greening', chance: 0.02 },
  greening: { unit: 'sanitation', chance: 0.05 },
  enforcement: { unit: 'construction', chance: 0.05 },
  construction: { unit: 'enforcement', chance: 0.1 },
};

/** How often a person misses a stage limit. */
const PERSON_LATE: Record<string, number> = {
  inspector: 0.03,
  inspector2: 0.05,
  inspector3: 0.14,
  inspector4: 0.04,
  inspector5: 0.09,
  clerk: 0.04,
  leader: 0.07,
  dispatcher: 0.06,
};

const SPOTS = ['东门', '西门口', '北门外', '南侧路口', '菜市场旁', '公交站附近', '3号楼下', '幼儿园门口', '农贸市场外', '沿街商铺前', '公园入口', '地铁站出口', '小学门口', '停车场边', '广场东侧', '桥头', '便利店门前', '篮球场旁']; // prettier-ignore
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐';
const STAFF_NAMES = ['钱国华', '沈文杰', '韩雪', '冯志刚', '曹丽萍', '彭磊', '蒋涛', '蔡慧敏', '贾海军', '丁鹏', '魏芳', '薛强', '叶晓东', '阎静', '余波', '潘敏', '杜建平', '戴玲', '夏宇', '钟伟', '汪洁', '田野', '任杰', '姜红']; // prettier-ignore

const TEXT = {
  refuse: ['属于小区物业管理范围，不属于城市管理受理范围，已告知来电人联系物业', '属于民事纠纷，已告知当事人通过其他途径解决'],
  invalid: '现场未发现所述问题',
  duplicate: '与同一地点已受理案件重复',
  return: (unit: string) => `经现场核实，该问题不属于本单位职责，建议改派${unit}`,
  denyReturn: '职责清单明确属于本单位，请按时处置',
  extension: ['需协调产权单位共同处置', '需采购配件，到货后安排维修', '需办理占道施工手续', '涉及多个部门，需联合处置'],
  denyExtension: '时限内可以完成，请抓紧处置',
  hang: ['需列入年度维修计划，待资金到位后实施', '涉及产权争议，待确权后处置'],
  checkFail: ['现场仍有残留，未处置到位', '问题反弹，现场已恢复原状', '仅部分整改，需彻底处置'],
  supervise: '案件已超时，请于今日内处置完毕并反馈',
  remind: '请抓紧处置',
  auditFail: '现场照片与上报问题不符',
}; // prettier-ignore

// ---------------------------------------------------------------------------------------------
// The world as the demo city left it

interface HistoryGrid {
  code: string;
  communityId: string;
  communityName: string;
  streetName: string;
  streetIndex: number;
  bbox: [number, number, number, number];
  center: [number, number];
  inspector: string;
}

interface World {
  cal: WorkingCalendar;
  actor(username: string): Actor;
  communities: { grids: HistoryGrid[]; weight: number }[];
  units: Map<string, { id: string; code: string; name: string }>;
  unitCodeById: Map<string, string>;
  /** Usernames of each unit's staff. */
  staff: Map<string, string[]>;
  streetCodes: string[];
  conditions: Map<string, RegistrationCondition[]>;
  staffAccounts: number;
}

async function loadWorld(
  h: Services,
  accounts: readonly StoredDemoAccount[],
  rand: () => number,
): Promise<World> {
  const actors = new Map<string, Actor>();
  for (const a of accounts) {
    const actor = await h.org.loadActor(a.id);
    if (actor) {
      actors.set(a.username, actor);
    }
  }
  const actor = (username: string): Actor => {
    const a = actors.get(username);
    if (!a) {
      throw new Error(`demo history: no account ${username}`);
    }
    return a;
  };
  const bureau = actor('bureau');
  for (const u of ['clerk', 'leader', 'dispatcher', 'inspector', 'unit']) {
    actor(u);
  }

  const inspectorOf = new Map<string, string>();
  for (const a of accounts.filter((x) => x.role === 'inspector')) {
    for (const g of await h.org.gridsOfInspector(a.id)) {
      inspectorOf.set(g, a.username);
    }
  }
  const regions = h.space.regions();
  const streetCodes: string[] = [];
  const byCommunity = new Map<string, HistoryGrid[]>();
  for (let page = 1; ; page++) {
    const res = await h.space.listGrids(bureau, { page, pageSize: 500 });
    for (const g of res.items) {
      const chain = regions.chain(g.communityId);
      const inspector = inspectorOf.get(g.code);
      if (!chain.street || !chain.community || !inspector) {
        continue;
      }
      if (!streetCodes.includes(chain.street.code)) {
        streetCodes.push(chain.street.code);
      }
      const list = byCommunity.get(g.communityId) ?? [];
      list.push({
        code: g.code,
        communityId: g.communityId,
        communityName: chain.community.name,
        streetName: chain.street.name,
        streetIndex: 0,
        bbox: g.bbox,
        center: g.center,
        inspector,
      });
      byCommunity.set(g.communityId, list);
    }
    if (res.items.length < 500) {
      break;
    }
  }
  streetCodes.sort();
  const communities = [...byCommunity.values()]
    .map((grids) => grids.sort((a, b) => (a.code < b.code ? -1 : 1)))
    .sort((a, b) => (a[0]!.code < b[0]!.code ? -1 : 1))
    .map((grids) => {
      for (const g of grids) {
        g.streetIndex = streetCodes.indexOf(g.code.slice(0, 9));
      }
      // Some communities are busier than others: hotspots.
      return { grids, weight: 0.2 + rand() ** 2 * 3 };
    });
  if (communities.length === 0) {
    throw new Error('demo history: the demo city has no grid with an inspector');
  }

  const units = new Map<string, { id: string; code: string; name: string }>();
  const unitCodeById = new Map<string, string>();
  for (const u of await h.org.listUnits(bureau, {})) {
    units.set(u.code, { id: u.id, code: u.code, name: u.name });
    unitCodeById.set(u.id, u.code);
  }

  // Every handling unit needs someone to act for it; the demo accounts staff the sanitation
  // unit only. The others get one staff account each (no known password: an administrator
  // may set one).
  const staff = new Map<string, string[]>([['sanitation', ['unit', 'unitlead']]]);
  let staffAccounts = 0;
  const codes = [...units.keys()].sort();
  for (const code of codes) {
    if (staff.has(code) || !profileKey(code)) {
      continue;
    }
    const unit = units.get(code)!;
    const username = `staff-${code}`.slice(0, 32);
    const user = await h.org.createUser(null, {
      username,
      displayName: STAFF_NAMES[staffAccounts % STAFF_NAMES.length]!,
      password: randomBytes(18).toString('base64url'),
      roles: ['unit_staff'],
      unitId: unit.id,
      scope: { level: 'unit', regionId: null, unitId: unit.id },
    });
    const a = await h.org.loadActor(user.id);
    if (a) {
      actors.set(username, a);
      staff.set(code, [username]);
      staffAccounts++;
    }
  }

  const conditions = new Map<string, RegistrationCondition[]>();
  for (const m of MATTERS) {
    const list = (await h.catalog.listConditions(m.code, { active: true })).items;
    conditions.set(
      m.code,
      [...list].sort((a, b) => a.seq - b.seq),
    );
  }
  return {
    cal: h.clock.calendar(),
    actor,
    communities,
    units,
    unitCodeById,
    staff,
    streetCodes,
    conditions,
    staffAccounts,
  };
}

/** The profile family of a unit code, or null for units that never handle cases. */
function profileKey(code: string): string | null {
  if (code.startsWith('enforcement-') || code === 'enforcement') {
    return 'enforcement';
  }
  if (code.startsWith('street-office-')) {
    return 'street-office';
  }
  return PROFILES[code] ? code : null;
}

function profileOf(code: string, streetIndex: number): Profile {
  const key = profileKey(code) ?? 'sanitation';
  const base = PROFILES[key]!;
  if (key !== 'enforcement' && key !== 'street-office') {
    return base;
  }
  const k = code === 'enforcement' ? 1 : STREET_TROUBLE[streetIndex % STREET_TROUBLE.length]!;
  const x = (p: number) => Math.min(0.6, p * k);
  return {
    ...base,
    late: x(base.late),
    ackLate: x(base.ackLate),
    rework: x(base.rework),
    extension: x(base.extension),
    returns: x(base.returns),
  };
}

// ---------------------------------------------------------------------------------------------
// Planning: who reports what, where and when

type StoryKind = 'normal' | 'invalid' | 'duplicate' | 'refused' | 'self' | 'self_rejected';

/** Where a case of the work in progress stops: the state it is left in. */
type OpenStop = 'verifying' | 'registered' | 'dispatched' | 'handling' | 'checking' | 'hung';
/** The stops of the work in progress, in turn (most open work is in handling). */
const OPEN_STOPS: readonly OpenStop[] = ['handling', 'verifying', 'handling', 'dispatched', 'checking', 'handling', 'registered', 'hung']; // prettier-ignore

/** Matters the demo city routes to the sanitation unit, whose staff are demo accounts. */
const DEMO_UNIT_MATTERS = ['06010', '06042', '06012', '06035', '03001'];

/** The default number of cases in progress for a history of `cases` finished ones. */
export function defaultInProgress(cases: number): number {
  return Math.min(40, Math.max(3, Math.round(cases * 0.04)));
}

interface Story {
  index: number;
  at: number;
  kind: StoryKind;
  source: CaseSource;
  grid: HistoryGrid;
  point: [number, number];
  spot: string;
  matter: MatterSpec;
  /** Give the matter at intake (inspectors always do). */
  matterAtIntake: boolean;
  /** Story choices the plan guarantees, so that even a small history shows them. */
  force: { late?: boolean; rework?: boolean; mode?: DisposalMode };
  /** The case this one repeats (duplicates). */
  original?: Story;
  /** One of the reports of a repeat place (kept a plain case). */
  repeat?: boolean;
  /** Work in progress: the state the case is left in. */
  stopAt?: OpenStop;
  seed: number;
}

interface HistoryWindow {
  /** Working days of the window, oldest first. */
  days: string[];
  /** Rest days (weekends, holidays) of the window before its last working day, oldest first. */
  restDays: string[];
  /** Rest days after the last working day, up to yesterday: their reports are left dispatched. */
  restTail: string[];
  /** The end of the last working period before today: nothing happens after it. */
  lastWork: number;
  /** The start of today (local): a hard limit. */
  end: number;
}

function historyWindow(cal: WorkingCalendar, now: number): HistoryWindow {
  const tz = cal.timeZone;
  const today = toLocalTime(tz, now).date;
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const days: string[] = [];
  const rest: string[] = [];
  for (let k = WINDOW_DAYS; k >= 1; k--) {
    const date = new Date(Date.UTC(y, m - 1, d - k)).toISOString().slice(0, 10);
    (workingPeriodsOn(cal, date).length > 0 ? days : rest).push(date);
  }
  if (days.length < 5) {
    throw new Error('demo history: fewer than 5 working days in the last eight weeks');
  }
  const last = days[days.length - 1]!;
  const periods = workingPeriodsOn(cal, last);
  return {
    days,
    restDays: rest.filter((date) => date < last),
    restTail: rest.filter((date) => date > last),
    lastWork: fromLocalTime(tz, last, periods[periods.length - 1]!.end),
    end: fromLocalTime(tz, today, 0),
  };
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function cumulative(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

/** A point inside the grid (a few tries in its box; its interior point otherwise). */
function pointIn(
  h: Services,
  g: HistoryGrid,
  rand: () => number,
  near?: [number, number],
): [number, number] {
  for (let i = 0; i < 12; i++) {
    const [x0, y0, x1, y1] = g.bbox;
    const lng = near ? near[0] + (rand() - 0.5) * 0.00008 : x0 + rand() * (x1 - x0);
    const lat = near ? near[1] + (rand() - 0.5) * 0.00008 : y0 + rand() * (y1 - y0);
    const p: [number, number] = [Math.round(lng * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
    if (h.space.locate(p[0], p[1])?.grid.code === g.code) {
      return p;
    }
  }
  return near ?? g.center;
}

function planStories(
  h: Services,
  w: World,
  win: HistoryWindow,
  n: number,
  open: number,
  seed: number,
): Story[] {
  const rand = mulberry32(seed ^ 0x68697374);
  const tz = w.cal.timeZone;
  const lastDay = win.days.length - 1;
  const dayWeights = cumulative(
    win.days.map((d) => {
      const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
      return wd === 1 ? 1.3 : wd === 5 ? 0.9 : 1;
    }),
  );
  const communityWeights = cumulative(w.communities.map((c) => c.weight));
  const matterWeights = cumulative(MATTERS.map((m) => m.weight));
  const matterByCode = new Map(MATTERS.map((m) => [m.code, m]));

  /**
   * Rest days: the public and the 12345 hotline report on weekends and holidays too (a rest
   * day about a third of a working day), between 08:00 and 21:00; the inspectors report on
   * working days only. The supervision centre verifies, registers and dispatches them on the
   * day; the units' work waits for the next working day (working-time limits).
   */
  const restDayWeights = cumulative(win.restDays.map(() => REST_DAY_SHARE));
  const restShare = restDayWeights.at(-1) ?? 0;
  const workShare = dayWeights.at(-1)!;
  const timeOnRestDay = (date: string): number =>
    fromLocalTime(tz, date, intBetween(rand, 8 * 60, 21 * 60 - 1));
  const restSource = (): CaseSource => (rand() < 0.6 ? 'public' : 'hotline');
  /** A report time on working day `i`: mornings busier; the last day only early. */
  const timeOn = (i: number): number => {
    const date = win.days[i]!;
    const periods = workingPeriodsOn(w.cal, date);
    const p = periods.length > 1 && rand() < 0.42 ? periods[1]! : periods[0]!;
    const endMinute = i === lastDay ? Math.min(p.end, p.start + 90) : p.end - 20;
    const minute = p.start + rand() * Math.max(1, endMinute - p.start);
    return fromLocalTime(tz, date, Math.floor(minute));
  };
  const gridOf = (): HistoryGrid => {
    const c = w.communities[pickWeighted(rand, communityWeights)]!;
    return pick(rand, c.grids);
  };
  const sourceOf = (): CaseSource => {
    const x = rand();
    return x < 0.52 ? 'inspector' : x < 0.75 ? 'hotline' : x < 0.96 ? 'public' : 'sensor';
  };
  let index = 0;
  const story = (o: Partial<Story> & { at: number }): Story => {
    const grid = o.grid ?? gridOf();
    const source = o.source ?? sourceOf();
    return {
      index: index++,
      kind: 'normal',
      source,
      grid,
      point: o.point ?? pointIn(h, grid, rand),
      spot: pick(rand, SPOTS),
      matter: MATTERS[pickWeighted(rand, matterWeights)]!,
      matterAtIntake: source === 'inspector' || rand() < 0.5,
      force: {},
      seed: Math.floor(hash01(seed, 0x7374, index) * 4294967296),
      ...o,
    };
  };

  const stories: Story[] = [];
  // Repeat places: the same problem in the same spot again and again, every two or three
  // working days: some in the last two weeks, some earlier.
  const spots = Math.max(2, Math.round(n / 60));
  for (let k = 0; k < spots && stories.length + 3 <= n / 3; k++) {
    const grid = gridOf();
    const matter = matterByCode.get(pick(rand, REPEAT_MATTERS))!;
    const spot = pick(rand, SPOTS);
    const point = pointIn(h, grid, rand);
    const times = intBetween(rand, 3, 5);
    let day =
      k % 2 === 0
        ? Math.max(0, lastDay - 10 + intBetween(rand, 0, 2))
        : intBetween(rand, 0, Math.max(0, lastDay - 20));
    for (let j = 0; j < times && day < lastDay; j++) {
      stories.push(
        story({
          at: timeOn(day),
          grid,
          matter,
          spot,
          point: pointIn(h, grid, rand, point),
          repeat: true,
        }),
      );
      day += intBetween(rand, 2, 3);
    }
  }
  while (stories.length < n) {
    if (rand() * (workShare + restShare) < restShare) {
      const date = win.restDays[pickWeighted(rand, restDayWeights)]!;
      stories.push(story({ at: timeOnRestDay(date), source: restSource() }));
    } else {
      stories.push(story({ at: timeOn(pickWeighted(rand, dayWeights)) }));
    }
  }

  // Side stories by quota (a small history shows each too).
  const quota = (share: number, min: number) => Math.max(min, Math.round(n * share));
  const byTime = [...stories].sort((a, b) => a.at - b.at || a.index - b.index);
  const normal = () => byTime.filter((s) => s.kind === 'normal' && !s.repeat);
  const take = (list: Story[], count: number, fn: (s: Story) => void) => {
    const pool = [...list];
    for (let i = 0; i < count && pool.length > 0; i++) {
      fn(pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
    }
  };
  const publicOnes = () => normal().filter((s) => s.source === 'hotline' || s.source === 'public');
  take(publicOnes(), quota(0.04, 1), (s) => (s.kind = 'invalid'));
  take(publicOnes(), quota(0.03, 1), (s) => (s.kind = 'refused'));
  const selfMatters = MATTERS.filter((m) => m.selfHandle);
  take(
    normal().filter((s) => s.source === 'inspector'),
    quota(0.045, 1),
    (s) => {
      s.kind = 'self';
      s.matter = pick(rand, selfMatters);
    },
  );
  if (n >= 100) {
    take(
      normal().filter((s) => s.source === 'inspector'),
      1,
      (s) => {
        s.kind = 'self_rejected';
        s.matter = pick(rand, selfMatters);
      },
    );
  }
  // Duplicates: a second report of a problem reported an hour or two before.
  const paired = new Set<Story>();
  take(
    normal().filter((s) => s.at < win.lastWork - 86_400_000),
    quota(0.03, 1),
    (original) => {
      const s = pick(
        rand,
        normal().filter((o) => o !== original && !paired.has(o)),
      ) as Story | undefined;
      if (!s || paired.has(original)) {
        return;
      }
      paired.add(original).add(s);
      s.kind = 'duplicate';
      s.original = original;
      s.grid = original.grid;
      s.point = pointIn(h, original.grid, rand, original.point);
      s.matter = original.matter;
      s.spot = original.spot;
      s.source = original.source === 'hotline' ? 'public' : 'hotline';
      s.matterAtIntake = rand() < 0.5;
      s.at = addWorkingMs(w.cal, original.at, intBetween(rand, 20, 150) * MINUTE);
    },
  );
  // Each half of the window shows a late case, a rework and every disposal mode.
  const half = fromLocalTime(tz, win.days[Math.floor(win.days.length / 2)]!, 0);
  const early = win.days[Math.max(0, lastDay - 6)]!;
  const forced = (s: Story) => s.at < fromLocalTime(tz, early, 0);
  for (const inHalf of [(s: Story) => s.at < half, (s: Story) => s.at >= half]) {
    const list = normal().filter((s) => inHalf(s) && forced(s));
    take(list, 1, (s) => (s.force.late = true));
    take(list, 1, (s) => (s.force.rework = true));
    take(list, 1, (s) => (s.force.mode = 'enforcement'));
    take(list, 1, (s) => (s.force.mode = 'management'));
  }
  // The work in progress, reported in the last two working days (a case to verify comes
  // from the hotline: the clerk passes it to the grid's inspector). In the first round of
  // stops, the cases past dispatch are sanitation matters, so the demo accounts of the
  // sanitation unit (`unit`, `unitlead`) find work in their inbox.
  for (let k = 0; k < open; k++) {
    const stopAt = OPEN_STOPS[k % OPEN_STOPS.length]!;
    const day = Math.max(0, lastDay - (k % 2));
    const forDemoUnit = k < OPEN_STOPS.length && stopAt !== 'verifying' && stopAt !== 'registered';
    stories.push(
      story({
        at: timeOn(day),
        stopAt,
        ...(stopAt === 'verifying' ? { source: 'hotline' as const } : {}),
        ...(forDemoUnit ? { matter: matterByCode.get(pick(rand, DEMO_UNIT_MATTERS))! } : {}),
      }),
    );
  }
  // The rest days since the last working day: the supervision centre works every day (its
  // limits are clock minutes), so their reports are verified, registered and dispatched; the
  // units acknowledge them on the working day (their limits are working hours). Sanitation
  // matters (normal urgency: an urgent one must be acknowledged within minutes, any day), so
  // the demo unit's accounts find the weekend's work in their inbox.
  const perWorkingDay = n / win.days.length;
  for (const date of win.restTail) {
    const count = Math.max(1, Math.round(perWorkingDay * REST_DAY_SHARE * (0.7 + 0.6 * rand())));
    for (let k = 0; k < count; k++) {
      stories.push(
        story({
          at: timeOnRestDay(date),
          source: restSource(),
          matter: matterByCode.get(pick(rand, DEMO_UNIT_MATTERS))!,
          stopAt: 'dispatched',
        }),
      );
    }
  }
  return stories.sort((a, b) => a.at - b.at || a.index - b.index);
}

// ---------------------------------------------------------------------------------------------
// Telling: one case after the other, on the manual clock

/** A few photos, made once: JPEGs of a street scene before and after. */
async function photoPool(seed: number): Promise<{ before: Buffer[]; after: Buffer[] }> {
  const rand = mulberry32(seed ^ 0x70686f74);
  try {
    const { default: sharp } = await import('sharp');
    const scene = (litter: boolean) => {
      const sky = `hsl(${intBetween(rand, 190, 215)},45%,${intBetween(rand, 70, 85)}%)`;
      const wall = `hsl(${intBetween(rand, 20, 45)},${intBetween(rand, 10, 30)}%,${intBetween(rand, 55, 75)}%)`;
      const blobs: string[] = [];
      for (let i = 0; litter && i < 9; i++) {
        const hue = pick(rand, [25, 40, 90, 200, 0]);
        blobs.push(
          `<ellipse cx="${intBetween(rand, 60, 420)}" cy="${intBetween(rand, 270, 340)}" rx="${intBetween(rand, 8, 34)}" ry="${intBetween(rand, 6, 18)}" fill="hsl(${hue},40%,${intBetween(rand, 25, 55)}%)"/>`,
        );
      }
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360">
<rect width="480" height="360" fill="${sky}"/>
<rect y="80" width="480" height="170" fill="${wall}"/>
${[0, 1, 2, 3, 4].map((i) => `<rect x="${30 + i * 92}" y="110" width="50" height="60" fill="hsl(210,20%,35%)"/>`).join('')}
<rect y="250" width="480" height="110" fill="hsl(0,0%,${intBetween(rand, 48, 62)}%)"/>
<rect y="250" width="480" height="10" fill="hsl(0,0%,80%)"/>
<circle cx="${intBetween(rand, 380, 450)}" cy="220" r="28" fill="hsl(120,35%,32%)"/>
${blobs.join('')}
</svg>`;
      return sharp(Buffer.from(svg)).jpeg({ quality: 62 }).toBuffer();
    };
    const before: Buffer[] = [];
    const after: Buffer[] = [];
    for (let i = 0; i < 6; i++) {
      before.push(await scene(true));
      after.push(await scene(false));
    }
    return { before, after };
  } catch {
    const tiny = Buffer.from(TINY_JPEG, 'base64');
    return { before: [tiny], after: [tiny] };
  }
}

/** A 16 × 12 grey JPEG, when sharp cannot draw. */
const TINY_JPEG =
  '/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAMABADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAP/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAAAf/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/ALgAP//Z';

interface Tally {
  states: Record<string, number>;
  paths: Record<string, number>;
  events: number;
  photos: number;
}

function createTeller(
  h: Services,
  w: World,
  clock: ManualClock,
  win: HistoryWindow,
  photos: { before: Buffer[]; after: Buffer[] },
) {
  const tally: Tally = { states: {}, paths: {}, events: 0, photos: 0 };
  const numbers = new Map<number, string>();
  const dayMs = w.cal.periods.reduce((s, p) => s + (p.end - p.start), 0) * MINUTE;
  const bureau = w.actor('bureau');
  let photoSeq = 0;

  const mark = (path: string) => (tally.paths[path] = (tally.paths[path] ?? 0) + 1);

  async function tell(s: Story): Promise<void> {
    const rand = mulberry32(s.seed);
    const cal = w.cal;
    const seen = new Set<string>();
    const path = (p: string) => {
      if (!seen.has(p)) {
        seen.add(p);
        mark(p);
      }
    };
    clock.set(s.at);

    // --- time ---------------------------------------------------------------------------
    const now = () => clock.now();
    /** Working days left before the history ends. */
    const budgetDays = () => workingMsBetween(cal, now(), win.lastWork) / dayMs;
    const clamp = (t: number) => {
      const lo = now() + intBetween(rand, 20, 90) * 1000;
      return Math.max(lo, Math.min(t, win.end - 10 * MINUTE));
    };
    /** A time at a share of the working time between now and `b` (plain time if none). */
    const between = (b: number, lo: number, hi: number) => {
      const a = now();
      const share = lo + rand() * (hi - lo);
      const wms = workingMsBetween(cal, a, b);
      if (wms >= 2 * MINUTE) {
        return addWorkingMs(cal, a, Math.max(MINUTE / 2, Math.floor(wms * share)));
      }
      return a + Math.max(15_000, Math.floor((b - a) * share));
    };
    /** Some working minutes from now. */
    const after = (lo: number, hi: number) => {
      const t = addWorkingMs(cal, now(), intBetween(rand, lo, hi) * MINUTE);
      return t <= win.lastWork ? t : between(win.lastWork, 0.2, 0.6);
    };
    const stageDeadline = () => (cur.stage?.deadline ? Date.parse(cur.stage.deadline) : null);
    const handleDeadline = () =>
      cur.handling?.deadline ? Date.parse(cur.handling.deadline) : null;
    /** When the next step of the current stage happens: in time, or late (and swept first). */
    const stepTime = (late: boolean, lateLo = 5, lateHi = 90) => {
      const d = stageDeadline();
      if (d === null) {
        return after(5, 40);
      }
      // After the last working day (the reports of the rest days since), only the supervision
      // centre's stages run, in clock time: before their deadline and before today.
      const cap = Math.min(d, now() < win.lastWork ? win.lastWork : win.end - 15 * MINUTE);
      if (late) {
        const t = addWorkingMs(cal, d, intBetween(rand, lateLo, lateHi) * MINUTE);
        if (t < win.lastWork) {
          return t;
        }
      }
      return cap > now() ? between(cap, 0.1, 0.85) : now() + MINUTE;
    };
    /** A prompt answer (a request, an approval): soon, and before the stage's deadline. */
    const prompt = (lo: number, hi: number) => {
      const t = after(lo, hi);
      const d = stageDeadline();
      return d !== null && t > d && d > now() ? between(Math.min(d, win.lastWork), 0.2, 0.8) : t;
    };
    /**
     * Moves the clock to `t`. If the current stage's deadline passes on the way, the
     * background sweep marks it first (as the server's clock would, a few seconds after).
     */
    const moveTo = async (t: number) => {
      t = clamp(t);
      const d = stageDeadline();
      if (
        d !== null &&
        d < t &&
        !cur.stage?.overdue &&
        !['hung', 'handled', 'closed', 'voided', 'refused'].includes(cur.state)
      ) {
        clock.set(Math.max(now() + 1000, Math.min(d + intBetween(rand, 5, 30) * 1000, t - 1000)));
        // The work in progress left open so far is swept too, as the server would.
        const r = await h.cases.sweepOverdue({ limit: 100 });
        tally.events += r.events;
        cur = await h.cases.get(bureau, cur.id);
      }
      clock.set(t);
    };

    // --- acts ----------------------------------------------------------------------------
    const photo = async (who: string, kind: 'before' | 'after'): Promise<string[]> => {
      const list = photos[kind];
      const data = list[photoSeq++ % list.length]!;
      const [meta] = await h.attachments.upload(
        w.actor(who),
        oneFile(`${kind}-${photoSeq}.jpg`, data),
      );
      tally.photos++;
      return [meta!.id];
    };
    const act = async (
      who: string,
      action: CaseAction,
      extra: Partial<Omit<ActionBody, 'action' | 'version'>> = {},
    ) => {
      cur = await h.cases.act(w.actor(who), cur.id, { action, version: cur.version, ...extra });
      tally.events++;
    };
    const lateFor = (who: string) => rand() < (PERSON_LATE[who] ?? 0.05);

    // --- report ----------------------------------------------------------------------------
    const g = s.grid;
    const place = `${g.communityName}${s.spot}`;
    const reporter =
      s.source === 'inspector'
        ? g.inspector
        : s.source === 'public' && rand() < 0.6
          ? null
          : 'clerk';
    const body: CreateCaseBody = {
      source: s.source,
      matterCode: s.matterAtIntake ? s.matter.code : undefined,
      description: pick(rand, s.matter.reports).replace('{p}', place),
      address: `${g.streetName}${place}`,
      lng: s.point[0],
      lat: s.point[1],
      crs: 'wgs84',
      urgency: 'normal',
      reporter:
        s.source === 'hotline' || s.source === 'public'
          ? rand() < 0.15
            ? { anonymous: true }
            : {
                name: `${pick(rand, [...SURNAMES])}${rand() < 0.5 ? '先生' : '女士'}`,
                phone: `1${pick(rand, ['39', '38', '58', '86', '77', '35'])}${String(intBetween(rand, 0, 99_999_999)).padStart(8, '0')}`,
                anonymous: false,
              }
          : undefined,
      attachmentIds:
        s.source === 'inspector' && rand() < 0.3 ? await photo(g.inspector, 'before') : undefined,
    };
    if (s.source === 'sensor') {
      body.description = `感知设备告警：${body.description}`;
    }
    let cur: CaseView = (await h.cases.intake(reporter ? w.actor(reporter) : null, body)).view;
    tally.events++;
    numbers.set(s.index, cur.number);
    path(`source:${s.source}`);

    // --- intake: verify, then the decision ----------------------------------------------
    if (cur.state === 'reported') {
      await moveTo(stepTime(lateFor('clerk')));
      await act('clerk', 'verify');
    }
    if (s.stopAt === cur.state) {
      return finish();
    }
    if (cur.state === 'verifying') {
      await moveTo(stepTime(lateFor(g.inspector)));
      await act(g.inspector, 'verify', { verifyResult: s.kind !== 'invalid' });
    }
    const decider = rand() < 0.75 ? 'clerk' : 'leader';
    const decide = async () => moveTo(stepTime(lateFor(decider), 2, 40));
    switch (s.kind) {
      case 'invalid':
        await decide();
        await act(decider, 'void', { voidReason: 'invalid', note: TEXT.invalid });
        path('voided:invalid');
        return finish();
      case 'duplicate': {
        await decide();
        const of = s.original ? numbers.get(s.original.index) : undefined;
        await act(decider, 'void', {
          voidReason: 'duplicate',
          note: of ? `${TEXT.duplicate}（${of}）` : TEXT.duplicate,
        });
        path('voided:duplicate');
        return finish();
      }
      case 'refused':
        await decide();
        await act(decider, 'refuse', { reason: pick(rand, TEXT.refuse) });
        path('refused');
        return finish();
      case 'self':
      case 'self_rejected': {
        await moveTo(after(2, 15));
        await act(g.inspector, 'self_handle', {
          description: s.matter.selfHandle ?? '已现场处置',
          attachmentIds: await photo(g.inspector, 'after'),
        });
        await moveTo(stepTime(lateFor('leader')));
        if (s.kind === 'self') {
          await act('leader', 'audit_pass');
          path('self_handled');
        } else {
          await act('leader', 'audit_fail', { reason: TEXT.auditFail });
          path('self_handle_rejected');
        }
        return finish();
      }
      case 'normal':
        break;
    }
    await decide();
    const conditions = w.conditions.get(s.matter.code) ?? [];
    // The history's cases must end before today; the work in progress gets the usual limits.
    const condition = chooseCondition(conditions, s.stopAt ? 30 : budgetDays(), dayMs, rand);
    await act(decider, 'register', {
      matterCode: s.matter.code,
      conditionId: condition?.id,
    });
    if (s.stopAt === cur.state) {
      return finish();
    }

    // --- dispatch and handling: one or more assignments --------------------------------
    const proposed = cur.routing?.proposedUnitId
      ? w.unitCodeById.get(cur.routing.proposedUnitId)
      : undefined;
    let target = proposed ?? 'sanitation';
    const confused = CONFUSED_WITH[profileKey(target) ?? ''];
    const queue: { unit: string; wrong: boolean }[] = [];
    if (confused && w.units.has(confused.unit) && rand() < confused.chance) {
      queue.push({ unit: confused.unit, wrong: true });
    }
    queue.push({ unit: target, wrong: false });
    let handled = false;
    for (let round = 0; !handled && round < 4; round++) {
      const next = queue.shift() ?? { unit: target, wrong: false };
      const unit = w.units.get(next.unit);
      const staffOf = w.staff.get(next.unit);
      if (!unit || !staffOf) {
        throw new Error(`demo history: no unit ${next.unit} with staff`);
      }
      const prof = profileOf(next.unit, g.streetIndex);
      const staff = () => (staffOf.length > 1 && rand() < 0.25 ? staffOf[1]! : staffOf[0]!);

      await moveTo(stepTime(lateFor('dispatcher'), 2, 30));
      await act('dispatcher', 'dispatch', { targetUnitId: unit.id });
      if (s.stopAt === cur.state) {
        return finish();
      }
      await moveTo(stepTime(rand() < prof.ackLate, 10, 180));
      await act(staff(), 'acknowledge');
      if (s.stopAt === 'hung') {
        await moveTo(between(handleDeadline() ?? after(30, 90), 0.1, 0.4));
        await act(staff(), 'request_hang', { reason: pick(rand, TEXT.hang) });
        await moveTo(prompt(10, 90));
        await act('dispatcher', 'approve_hang');
        return finish();
      }
      if (s.stopAt === cur.state) {
        return finish();
      }

      // A return: the wrong unit, or a unit that says the case is not its own.
      const fallback = FALLBACK[next.unit] ?? streetUnit(next.unit, g, w);
      const ownReturn = !next.wrong && round < 2 && fallback !== null && rand() < prof.returns;
      if (next.wrong || ownReturn) {
        await moveTo(after(15, 120));
        await act(staff(), 'request_return', {
          reason: TEXT.return(w.units.get(next.wrong ? target : fallback!)?.name ?? '相关单位'),
        });
        await moveTo(prompt(10, 60));
        if (next.wrong || rand() < 0.75) {
          await act('dispatcher', 'approve_return');
          path('returned');
          if (!next.wrong) {
            target = fallback!;
            queue.unshift({ unit: target, wrong: false });
          }
          continue;
        }
        await act('dispatcher', 'deny_return', { reason: TEXT.denyReturn });
        path('return_denied');
      }

      // Side paths while handling.
      const limitDays = () => (cur.handling?.limit ? daysOf(cur.handling.limit, dayMs) : 0);
      if (
        rand() < prof.hang &&
        budgetDays() > limitDays() + 8 &&
        (handleDeadline() ?? 0) > now() + 30 * MINUTE
      ) {
        await moveTo(between(handleDeadline()!, 0.1, 0.4));
        await act(staff(), 'request_hang', { reason: pick(rand, TEXT.hang) });
        await moveTo(prompt(10, 90));
        await act('dispatcher', 'approve_hang');
        await moveTo(
          addWorkingMs(
            cal,
            now(),
            intBetween(rand, 2, 5) * dayMs + intBetween(rand, 0, 120) * MINUTE,
          ),
        );
        await act(rand() < 0.5 ? 'dispatcher' : staff(), 'resume');
        path('hung');
      }
      const d0 = handleDeadline();
      if (
        rand() < prof.extension &&
        d0 !== null &&
        d0 > now() + 30 * MINUTE &&
        budgetDays() > limitDays() + 4
      ) {
        await moveTo(between(d0, 0.3, 0.7));
        const wanted = addTime(cal, d0, intBetween(rand, 1, 3), 'working_day');
        const iso = formatInstant(wanted, cal.timeZone);
        await act(staff(), 'request_extension', {
          reason: pick(rand, TEXT.extension),
          deadline: iso,
        });
        await moveTo(prompt(10, 90));
        if (rand() < 0.8 && wanted > now()) {
          await act('dispatcher', 'approve_extension', { deadline: iso });
          path('extended');
        } else {
          await act('dispatcher', 'deny_extension', { reason: TEXT.denyExtension });
          path('extension_denied');
        }
      }

      // Feedback, the check, and perhaps a second round.
      let rework = s.force.rework === true || rand() < prof.rework;
      for (let pass = 0; pass < 2; pass++) {
        const late = (pass === 0 && s.force.late === true) || rand() < prof.late;
        const d = handleDeadline();
        let t: number;
        if (late && d !== null) {
          // Late by a fifth to the whole of the limit (at least half an hour, at most 3 days).
          const limitMs = Math.max(30 * MINUTE, Math.min(3 * dayMs, limitDays() * dayMs));
          t = addWorkingMs(cal, Math.max(d, now()), Math.floor(limitMs * (0.2 + rand() * 0.8)));
          if (t >= win.lastWork) {
            t = d > now() ? between(Math.min(d, win.lastWork), 0.3, 0.9) : after(10, 60);
          } else {
            path('late');
            // Reminded, or even supervised, on the way.
            if (rand() < 0.5) {
              await moveTo(between(t, 0.1, 0.4));
              await act('dispatcher', 'remind', { note: TEXT.remind });
              path('reminded');
            }
            if (rand() < 0.25) {
              await moveTo(between(t, 0.2, 0.6));
              await act('bureau', 'supervise', { reason: TEXT.supervise });
              path('supervised');
            }
          }
        } else {
          t =
            d !== null && d > now()
              ? between(Math.min(d, win.lastWork), 0.25, 0.9)
              : after(20, 120);
        }
        await moveTo(t);
        const who = staff();
        await act(who, 'feedback', {
          description: pick(rand, s.matter.feedback),
          disposalMode: s.force.mode && pass === 0 ? s.force.mode : modeOf(prof, rand),
          attachmentIds: await photo(who, 'after'),
        });
        if (cur.handling?.overdue) {
          path('overdue');
        }
        if (s.stopAt === cur.state) {
          return finish();
        }
        await moveTo(stepTime(lateFor(g.inspector), 5, 60));
        if (rework && pass === 0 && budgetDays() > limitDays() + 1.5) {
          await act(g.inspector, 'check_fail', {
            reason: pick(rand, TEXT.checkFail),
            attachmentIds: await photo(g.inspector, 'before'),
          });
          path('rework');
          rework = false;
          continue;
        }
        await act(g.inspector, 'check_pass', { attachmentIds: await photo(g.inspector, 'after') });
        break;
      }
      handled = true;
    }
    await moveTo(after(5, 90));
    await act('leader', 'close');
    return finish();

    function finish(): void {
      tally.states[cur.state] = (tally.states[cur.state] ?? 0) + 1;
      const finished = ['closed', 'voided', 'refused'].includes(cur.state);
      if (s.stopAt ? cur.state !== s.stopAt : !finished) {
        throw new Error(`demo history: case ${cur.number} ended ${cur.state}`);
      }
    }
  }

  return { tell, tally };
}

/** The street's enforcement team for a street office (and the other way round). */
function streetUnit(code: string, g: HistoryGrid, w: World): string | null {
  const street = w.streetCodes[g.streetIndex];
  if (!street) {
    return null;
  }
  if (code.startsWith('street-office-')) {
    return `enforcement-${street}`;
  }
  if (code.startsWith('enforcement')) {
    return `street-office-${street}`;
  }
  return null;
}

function modeOf(p: Profile, rand: () => number): DisposalMode {
  const [s, m] = p.modes;
  const total = p.modes[0] + p.modes[1] + p.modes[2];
  const x = rand() * total;
  return x < s ? 'service' : x < s + m ? 'management' : 'enforcement';
}

/** A limit in working days (roughly, for budgets: clock hours count as working time). */
function daysOf(l: { amount: number; unit: TimeUnit }, dayMs: number): number {
  switch (l.unit) {
    case 'working_day':
      return l.amount;
    case 'working_hour':
    case 'hour':
      return (l.amount * 3_600_000) / dayMs;
    case 'minute':
      return (l.amount * MINUTE) / dayMs;
  }
}

/** A registration condition whose limit fits the days left (the first normal one by choice). */
function chooseCondition(
  list: readonly RegistrationCondition[],
  budgetDays: number,
  dayMs: number,
  rand: () => number,
): RegistrationCondition | undefined {
  const days = (c: RegistrationCondition) => daysOf(c.limits.C, dayMs);
  const fits = list.filter((c) => days(c) <= Math.max(0.5, budgetDays - 1));
  const normal = fits.filter((c) => !c.urgent);
  if (normal.length > 0) {
    return rand() < 0.8 ? normal[0] : pick(rand, normal);
  }
  return fits[0] ?? [...list].sort((a, b) => days(a) - days(b))[0];
}

/**
 * The attachments' disk storage (same files in the same places), except that a put does not
 * fsync: `flush` makes every file written, and its folder, durable at the end, many at a time
 * (one fsync after another costs ~10 ms a photo on a small machine's disk).
 */
function batchedDiskStorage(root: string): { storage: BlobStorage; flush(): Promise<void> } {
  const disk = createDiskBlobStorage(root);
  const written: string[] = [];
  const syncAll = async (paths: readonly string[]) => {
    for (let i = 0; i < paths.length; i += 16) {
      await Promise.all(
        paths.slice(i, i + 16).map(async (p) => {
          const fh = await open(p, 'r');
          try {
            await fh.sync();
          } finally {
            await fh.close();
          }
        }),
      );
    }
  };
  return {
    storage: {
      get: (key) => disk.get(key),
      exists: (key) => disk.exists(key),
      delete: (key) => disk.delete(key),
      async put(key, data) {
        if (!Buffer.isBuffer(data)) {
          return disk.put(key, data);
        }
        const target = disk.pathOf(key);
        await mkdir(dirname(target), { recursive: true });
        const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
        await writeFile(tmp, data, { flag: 'wx' });
        await rename(tmp, target);
        written.push(target);
      },
    },
    async flush() {
      const paths = written.splice(0);
      await syncAll(paths);
      await syncAll([...new Set(paths.map((p) => dirname(p)))]);
    },
  };
}

async function* oneFile(filename: string, data: Buffer) {
  yield await Promise.resolve({ filename, data, truncated: false });
}

// ---------------------------------------------------------------------------------------------

/**
 * Tells `cases` cases of history into a demo city that has none yet. Returns null (and does
 * nothing) when `cases` is 0, when there is no demo city, or when the store holds any case.
 */
export async function seedDemoHistory(
  deps: DemoHistoryDeps,
  opts: DemoHistoryOptions,
): Promise<DemoHistoryReport | null> {
  const { ctx } = deps;
  const db = ctx.store.db;
  if (opts.cases <= 0) {
    return null;
  }
  const accounts = await repo.readAccounts(db);
  if (!accounts) {
    ctx.log.warn('demo history: no demo city in the store; nothing seeded');
    return null;
  }
  if ((await repo.hasCases(db)) || (await repo.readHistory(db)) !== undefined) {
    ctx.log.info('demo history: the store holds cases already; nothing seeded');
    return null;
  }
  const t0 = performance.now();
  const now = opts.now ?? ctx.clock.now();
  const clock = new ManualClock(now);
  // The history's photos are a few pictures uploaded again and again: each thumbnail is made
  // once (the same bytes give the same thumbnail), and the files are made durable together at
  // the end rather than one fsync at a time.
  const sharpThumbs = await loadSharpThumbnailer();
  const thumbs = new Map<Buffer, Promise<Buffer>>();
  const files = batchedDiskStorage(join(ctx.config.dataDir, 'files'));
  const h = await deps.servicesAt(clock, {
    attachments: {
      storage: files.storage,
      thumbnailer: sharpThumbs && {
        make(data) {
          let t = thumbs.get(data);
          if (!t) {
            t = sharpThumbs.make(data);
            thumbs.set(data, t);
          }
          return t;
        },
      },
    },
  });
  try {
    const cal = h.clock.calendar();
    const win = historyWindow(cal, now);
    clock.set(fromLocalTime(cal.timeZone, win.days[0]!, 0));
    const rand = mulberry32(opts.seed ^ 0x776f726c);
    const world = await loadWorld(h, accounts, rand);
    const stories = planStories(
      h,
      world,
      win,
      opts.cases,
      opts.inProgress ?? defaultInProgress(opts.cases),
      opts.seed,
    );
    const inProgress = stories.filter((s) => s.stopAt).length;
    const photos = await photoPool(opts.seed);
    const teller = createTeller(h, world, clock, win, photos);
    let last = 0;
    for (const s of stories) {
      await teller.tell(s);
      last = Math.max(last, clock.now());
    }
    await files.flush();
    // A demo city shows its public performance board (a real city decides to publish).
    const settings = await h.evaluation.settings();
    await h.evaluation.putSettings(world.actor('admin'), {
      ...settings,
      publicBoard: { ...settings.publicBoard, enabled: true },
    });
    const tz = cal.timeZone;
    const report: DemoHistoryReport = {
      cases: stories.length - inProgress,
      inProgress,
      from: toLocalTime(tz, stories[0]?.at ?? last).date,
      to: toLocalTime(tz, last).date,
      states: teller.tally.states,
      paths: teller.tally.paths,
      events: teller.tally.events,
      photos: teller.tally.photos,
      staffAccounts: world.staffAccounts,
      ms: Math.round(performance.now() - t0),
    };
    await repo.writeHistory(db, { seed: opts.seed, ...report }, now);
    ctx.log.info(report, 'demo history seeded');
    return report;
  } finally {
    await h.stop();
  }
}
