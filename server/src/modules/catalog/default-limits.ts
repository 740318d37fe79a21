/**
 * Default registration conditions (立案条件), closure conditions (结案条件) and time limits
 * seeded on first start. They are configuration: an administrator edits them through the API
 * and the seed never overwrites an edit (it only fills matters that have no condition yet, and
 * stage limits that are missing).
 *
 * Sources: domain.md §3 (practice seen in the standards and bureaus). Where practice gives one
 * figure, it is the B (general area) limit, with A (core) stricter and C (outlying) looser;
 * where it gives a range, the range spans A to C:
 * - exposed garbage 4 working hours (A 2, B 4, C 8 wh);
 * - dirty road 2–5 working hours (A 2, B 3, C 5 wh);
 * - missing manhole cover 2 clock hours, urgent (A 1, B 2, C 4 h);
 * - illegal building: stop work 4 working hours (A 2, B 4, C 8 wh), demolish 15–20 working
 *   days (A 15, B 18, C 20 wd).
 * Clock units (minute, hour) serve emergencies and problems that happen out of office hours
 * (night noise, open-air barbecue, snow); working units everything else.
 */
import type { AreaClass, TimeUnit } from '@common/roles';
import type { AreaLimits, Stage, StageLimit, Urgency } from './catalog.types';

/** A seeded condition of a matter; its seq is its position in the list (from 1). */
export interface DefaultCondition {
  name: string;
  closureCondition: string;
  urgent?: boolean;
  /** Defaults to true: feedback and check carry a photo. */
  photoRequired?: boolean;
  limits: AreaLimits;
}

/** A matter with seeded conditions; `hint` is a part of its name, checked by a test. */
export interface DefaultMatterConditions {
  code: string;
  hint: string;
  conditions: readonly DefaultCondition[];
}

const limits =
  (unit: TimeUnit) =>
  (a: number, b: number, c: number): AreaLimits => ({
    A: { amount: a, unit },
    B: { amount: b, unit },
    C: { amount: c, unit },
  });
const min = limits('minute');
const h = limits('hour');
const wh = limits('working_hour');
const wd = limits('working_day');
/** Limits whose unit grows with the area class, e.g. A 4 wh, B 1 wd, C 2 wd. */
const mixed = (a: [number, TimeUnit], b: [number, TimeUnit], c: [number, TimeUnit]) => ({
  A: { amount: a[0], unit: a[1] },
  B: { amount: b[0], unit: b[1] },
  C: { amount: c[0], unit: c[1] },
});
const halfDay = mixed([4, 'working_hour'], [1, 'working_day'], [2, 'working_day']);

// --- manhole covers (井盖) and grates (箅子): component matters 01001–01026

const COVER_CODES: readonly (readonly [string, string])[] = [
  ['01001', '供水井盖'],
  ['01002', '污水井盖'],
  ['01003', '雨水井盖'],
  ['01004', '雨水箅子'],
  ['01005', '电力井盖'],
  ['01006', '路灯井盖'],
  ['01007', '通信井盖'],
  ['01008', '电视井盖'],
  ['01009', '网络井盖'],
  ['01010', '热力井盖'],
  ['01011', '燃气井盖'],
  ['01012', '公安井盖'],
  ['01014', '园林井盖'],
  ['01015', '信号灯电源井盖'],
  ['01017', '电缆井盖'],
  ['01018', '化粪池井盖'],
  ['01019', '中水井盖'],
  ['01020', '公交井盖'],
  ['01021', '输油（气）井盖'],
  ['01022', '特殊井盖'],
  ['01023', '不明井盖'],
  ['01026', '沟槽盖板'],
];

const coverMissing: DefaultCondition = {
  name: '井盖（箅子、盖板）缺失',
  closureCondition: '井盖（箅子、盖板）补装到位，与路面平顺，安全隐患消除',
  urgent: true,
  limits: h(1, 2, 4),
};
const coverDamaged: DefaultCondition = {
  name: '井盖（箅子、盖板）破损、松动、移位、凹陷或有异响',
  closureCondition: '井盖（箅子、盖板）修复或更换，安放平稳，与路面平顺',
  limits: halfDay,
};
const drainBlocked: DefaultCondition = {
  name: '雨水口（箅子）堵塞，造成路面积水',
  closureCondition: '雨水口疏通，路面积水排除',
  urgent: true,
  limits: h(2, 4, 8),
};

const COVERS: DefaultMatterConditions[] = COVER_CODES.map(([code, hint]) => ({
  code,
  hint,
  conditions:
    code === '01003' || code === '01004'
      ? [coverMissing, coverDamaged, drainBlocked]
      : [coverMissing, coverDamaged],
}));

// --- trees (树木倒伏)

const treeConditions: readonly DefaultCondition[] = [
  {
    name: '树木倒伏、折断，阻碍交通或危及人身财产安全',
    closureCondition: '倒伏、折断树木清理或扶正，道路恢复通行，隐患消除',
    urgent: true,
    limits: h(2, 4, 8),
  },
  {
    name: '树木枯死、缺株、严重倾斜或遮挡交通标志、路灯',
    closureCondition: '已补植、扶正或修剪，恢复正常',
    limits: wd(5, 10, 15),
  },
];

const SPECIFIC: DefaultMatterConditions[] = [
  // 06 市容环境
  {
    code: '06001',
    hint: '私搭乱建',
    conditions: [
      {
        name: '正在施工的私搭乱建',
        closureCondition: '已责令停止施工，现场停工',
        limits: wh(2, 4, 8),
      },
      {
        name: '已建成的私搭乱建，未取得建设工程规划许可',
        closureCondition: '违法建设拆除完毕，场地清理干净，恢复原状',
        limits: wd(15, 18, 20),
      },
      {
        name: '超出规划许可范围建设（超面积、超高度）',
        closureCondition: '超出许可部分拆除完毕，恢复原状',
        limits: wd(15, 18, 20),
      },
    ],
  },
  {
    code: '06004',
    hint: '建筑物外立面污损',
    conditions: [
      {
        name: '临街建筑物外立面明显污损、破损、褪色或乱涂写',
        closureCondition: '外立面清洗、粉刷或修复，整洁完好',
        limits: wd(5, 10, 15),
      },
    ],
  },
  {
    code: '06007',
    hint: '沿街晾挂',
    conditions: [
      {
        name: '在临街门窗、阳台外、护栏、树木、电杆等处晾挂衣物或杂物',
        closureCondition: '晾挂物已收回',
        limits: wh(2, 4, 8),
      },
    ],
  },
  {
    code: '06010',
    hint: '暴露垃圾',
    conditions: [
      {
        name: '道路、广场、绿地等公共区域暴露垃圾，面积0.5平方米以上或成堆',
        closureCondition: '垃圾清除干净，现场无残留',
        limits: wh(2, 4, 8),
      },
      {
        name: '居住区、背街小巷、城乡结合部暴露垃圾',
        closureCondition: '垃圾清除干净，现场无残留',
        limits: halfDay,
      },
    ],
  },
  {
    code: '06011',
    hint: '积存垃圾渣土',
    conditions: [
      {
        name: '公共区域积存垃圾、渣土2立方米以上或积存3天以上',
        closureCondition: '积存垃圾渣土清运完毕，场地整洁',
        limits: wd(1, 2, 3),
      },
    ],
  },
  {
    code: '06012',
    hint: '道路不洁',
    conditions: [
      {
        name: '车行道、人行道有明显污渍、垃圾、泥土或油污',
        closureCondition: '路面清扫冲洗干净，无明显污渍',
        limits: wh(2, 3, 5),
      },
    ],
  },
  {
    code: '06013',
    hint: '道路破损',
    conditions: [
      {
        name: '路面塌陷或大面积坑槽，危及车辆行人安全',
        closureCondition: '已设置围挡警示并修复，路面平整',
        urgent: true,
        limits: h(2, 4, 8),
      },
      {
        name: '车行道、人行道路面破损、坑洼、凸起或砖块松动',
        closureCondition: '破损路面修复平整，与周边路面衔接顺适',
        limits: wd(2, 3, 5),
      },
    ],
  },
  {
    code: '06014',
    hint: '道路遗撒',
    conditions: [
      {
        name: '渣土、砂石、泥浆等运输撒漏，污染路面',
        closureCondition: '遗撒物清除，路面冲洗干净',
        limits: wh(2, 4, 6),
      },
    ],
  },
  {
    code: '06017',
    hint: '绿地脏乱',
    conditions: [
      {
        name: '绿地内有垃圾、杂物、枯枝落叶堆积或被踩踏裸露',
        closureCondition: '绿地清理干净，恢复整洁',
        limits: halfDay,
      },
    ],
  },
  {
    code: '06018',
    hint: '绿化弃料',
    conditions: [
      {
        name: '修剪、清理产生的枝叶等绿化弃料未及时清运',
        closureCondition: '绿化弃料清运完毕',
        limits: halfDay,
      },
    ],
  },
  {
    code: '06020',
    hint: '焚烧垃圾',
    conditions: [
      {
        name: '露天焚烧垃圾、树叶、秸秆等',
        closureCondition: '明火扑灭，焚烧残留物清理干净',
        urgent: true,
        limits: h(1, 2, 4),
      },
    ],
  },
  {
    code: '06025',
    hint: '水域不洁',
    conditions: [
      {
        name: '河道、湖泊水面漂浮垃圾、杂物或油污',
        closureCondition: '水面漂浮物打捞干净',
        limits: wd(1, 2, 3),
      },
    ],
  },
  {
    code: '06027',
    hint: '油烟污染',
    conditions: [
      {
        name: '餐饮服务单位油烟未经净化直排或超标排放',
        closureCondition: '油烟净化设施安装或修复，达标排放',
        limits: wd(3, 5, 7),
      },
    ],
  },
  {
    code: '06028',
    hint: '噪声扰民',
    conditions: [
      {
        name: '商业经营、娱乐活动等社会生活噪声扰民',
        closureCondition: '噪声源已制止或降至排放标准以内',
        limits: h(1, 2, 4),
      },
    ],
  },
  {
    code: '06029',
    hint: '露天烧烤',
    conditions: [
      {
        name: '在道路、广场等公共场所露天烧烤',
        closureCondition: '烧烤行为已制止，现场清理干净',
        limits: h(1, 2, 4),
      },
    ],
  },
  {
    code: '06030',
    hint: '乱倒乱排污水',
    conditions: [
      {
        name: '向道路、雨水口、河道等倾倒或排放污水、废水',
        closureCondition: '排放行为已制止，污染已清理',
        limits: halfDay,
      },
    ],
  },
  {
    code: '06034',
    hint: '废弃车辆',
    conditions: [
      {
        name: '公共区域长期停放的废弃机动车、非机动车（僵尸车）',
        closureCondition: '废弃车辆已清拖或由车主移走',
        limits: wd(5, 7, 10),
      },
    ],
  },
  {
    code: '06035',
    hint: '废弃家具设备',
    conditions: [
      {
        name: '公共区域丢弃家具、家电或设备',
        closureCondition: '废弃物清运完毕',
        limits: halfDay,
      },
    ],
  },
  {
    code: '06036',
    hint: '乱堆杂物',
    conditions: [
      {
        name: '在道路、广场、楼道外等公共区域乱堆物料、杂物',
        closureCondition: '堆放物清除，场地恢复整洁',
        limits: halfDay,
      },
    ],
  },
  {
    code: '06037',
    hint: '动物尸体',
    conditions: [
      {
        name: '公共区域有动物尸体',
        closureCondition: '动物尸体清理，现场消毒',
        limits: wh(1, 2, 4),
      },
    ],
  },
  {
    code: '06040',
    hint: '私设地锁',
    conditions: [
      {
        name: '擅自在公共道路、公共场地设置地锁、阻车桩等障碍物',
        closureCondition: '地锁、阻车桩拆除，路面恢复',
        limits: wd(2, 3, 5),
      },
    ],
  },
  {
    code: '06041',
    hint: '垃圾未分类',
    conditions: [
      {
        name: '生活垃圾未按规定分类投放或混装混运',
        closureCondition: '已整改，分类投放、收集规范',
        limits: wd(1, 2, 3),
      },
    ],
  },
  {
    code: '06042',
    hint: '满溢',
    conditions: [
      {
        name: '垃圾桶（箱、站）内垃圾满溢或周边散落垃圾',
        closureCondition: '垃圾清运完毕，周边无散落',
        limits: wh(2, 4, 8),
      },
    ],
  },
  {
    code: '06045',
    hint: '非法占绿毁绿',
    conditions: [
      {
        name: '擅自占用、毁坏绿地或绿化设施',
        closureCondition: '占绿毁绿行为已停止，绿地恢复',
        limits: wd(2, 3, 5),
      },
    ],
  },
  {
    code: '06050',
    hint: '路缘石缺损',
    conditions: [
      {
        name: '路缘石缺失、破损、松动或移位',
        closureCondition: '路缘石补齐修复，安装稳固顺直',
        limits: wd(3, 5, 7),
      },
    ],
  },
  {
    code: '06051',
    hint: '盲道缺损',
    conditions: [
      {
        name: '盲道砖缺失、破损或被截断',
        closureCondition: '盲道修复，连续贯通',
        limits: wd(3, 5, 7),
      },
    ],
  },
  // 07 宣传广告
  {
    code: '07001',
    hint: '非法小广告',
    conditions: [
      {
        name: '在建筑物、构筑物、公共设施上张贴、悬挂小广告',
        closureCondition: '小广告清除干净，无残留',
        limits: halfDay,
      },
      {
        name: '涂写、刻画、喷涂小广告',
        closureCondition: '涂写内容清除或覆盖，与周边色调一致',
        limits: wd(1, 2, 3),
      },
    ],
  },
  {
    code: '07002',
    hint: '街头散发广告',
    conditions: [
      {
        name: '在街头、路口散发商业广告',
        closureCondition: '散发行为已制止，散落物清理干净',
        limits: wh(1, 2, 4),
      },
    ],
  },
  {
    code: '07003',
    hint: '违规户外广告',
    conditions: [
      {
        name: '户外广告设施破损、松动，存在坠落隐患',
        closureCondition: '隐患排除，设施加固或拆除',
        urgent: true,
        limits: h(2, 4, 8),
      },
      {
        name: '未经许可擅自设置户外广告',
        closureCondition: '违规户外广告拆除完毕',
        limits: wd(5, 10, 15),
      },
    ],
  },
  {
    code: '07006',
    hint: '违规牌匾标识',
    conditions: [
      {
        name: '擅自设置或不按规范设置牌匾标识',
        closureCondition: '牌匾标识整改或拆除完毕',
        limits: wd(5, 10, 15),
      },
      {
        name: '牌匾标识破损、缺字或亮灯不全',
        closureCondition: '牌匾标识修复完好',
        limits: wd(3, 5, 7),
      },
    ],
  },
  {
    code: '07007',
    hint: '违规标语宣传品',
    conditions: [
      {
        name: '擅自悬挂、设置标语、横幅、条幅等宣传品',
        closureCondition: '违规宣传品拆除完毕',
        limits: wd(1, 2, 3),
      },
    ],
  },
  // 08 施工管理
  {
    code: '08001',
    hint: '施工扰民',
    conditions: [
      {
        name: '夜间（22时至次日6时）违规施工产生噪声扰民',
        closureCondition: '夜间施工已停止',
        urgent: true,
        limits: h(1, 2, 4),
      },
      {
        name: '施工噪声、振动超过排放标准扰民',
        closureCondition: '已整改，噪声、振动达标',
        limits: halfDay,
      },
    ],
  },
  {
    code: '08002',
    hint: '施工占道',
    conditions: [
      {
        name: '未经许可占道施工或超出许可范围占用道路',
        closureCondition: '占道物清除或按许可范围整改',
        limits: halfDay,
      },
    ],
  },
  {
    code: '08003',
    hint: '无证掘路',
    conditions: [
      {
        name: '未经许可挖掘城市道路',
        closureCondition: '挖掘已停止，路面恢复',
        limits: wh(2, 4, 8),
      },
    ],
  },
  {
    code: '08004',
    hint: '工地扬尘',
    conditions: [
      {
        name: '施工工地未采取覆盖、洒水等防尘措施，扬尘明显',
        closureCondition: '防尘措施落实，扬尘得到控制',
        limits: wh(2, 4, 8),
      },
    ],
  },
  {
    code: '08005',
    hint: '施工废弃料',
    conditions: [
      {
        name: '施工废弃料未及时清运',
        closureCondition: '施工废弃料清运完毕',
        limits: wd(1, 2, 3),
      },
    ],
  },
  {
    code: '08006',
    hint: '施工物料乱堆放',
    conditions: [
      {
        name: '施工物料堆放在工地围挡外，占用公共区域',
        closureCondition: '物料清回工地或清运完毕',
        limits: halfDay,
      },
    ],
  },
  {
    code: '08007',
    hint: '围挡',
    conditions: [
      {
        name: '施工工地围挡缺失、破损、倾斜或设置不规范',
        closureCondition: '围挡补齐修复，设置规范稳固',
        limits: wd(1, 2, 3),
      },
    ],
  },
  {
    code: '08012',
    hint: '车轮夹带',
    conditions: [
      {
        name: '出入工地车辆带泥上路，污染路面',
        closureCondition: '路面清洗干净，冲洗设施正常使用',
        limits: wh(2, 4, 8),
      },
    ],
  },
  {
    code: '08016',
    hint: '无证建设',
    conditions: [
      {
        name: '未取得施工许可擅自开工建设',
        closureCondition: '已责令停止施工，现场停工',
        limits: wh(2, 4, 8),
      },
      {
        name: '停工后逾期未补办许可或拒不整改',
        closureCondition: '依法处置完毕：拆除或补办许可手续',
        limits: wd(15, 18, 20),
      },
    ],
  },
  // 09 街面秩序
  {
    code: '09001',
    hint: '无照经营游商',
    conditions: [
      {
        name: '流动商贩无照占道经营',
        closureCondition: '游商已劝离或依法查处，现场恢复秩序',
        limits: wh(1, 2, 4),
      },
    ],
  },
  {
    code: '09004',
    hint: '废品收购',
    conditions: [
      {
        name: '废品收购站点占道堆放、脏乱',
        closureCondition: '占道物品清回，站点整洁',
        limits: wd(1, 2, 3),
      },
    ],
  },
  {
    code: '09005',
    hint: '店外经营',
    conditions: [
      {
        name: '临街商户超出门窗、外墙在店外经营、作业或摆放商品',
        closureCondition: '店外经营已纠正，物品收回店内',
        limits: wh(2, 4, 8),
      },
    ],
  },
  {
    code: '09006',
    hint: '占道经营',
    conditions: [
      {
        name: '占用道路、广场、桥梁等公共场所摆摊设点经营',
        closureCondition: '占道经营已清除，场地恢复整洁',
        limits: wh(2, 4, 8),
      },
    ],
  },
  {
    code: '09009',
    hint: '机动车乱停放',
    conditions: [
      {
        name: '机动车在人行道、绿地、盲道等禁停区域停放',
        closureCondition: '车辆已驶离或依法处置',
        limits: wh(1, 2, 4),
      },
    ],
  },
  {
    code: '09010',
    hint: '非机动车乱停放',
    conditions: [
      {
        name: '非机动车未在停放点停放，影响通行或市容',
        closureCondition: '车辆已规整或清离',
        limits: wh(2, 4, 8),
      },
    ],
  },
  {
    code: '09011',
    hint: '共享单车',
    conditions: [
      {
        name: '共享单车乱停乱放、堆积淤积或损坏',
        closureCondition: '车辆已清理、调度或规整',
        limits: wh(2, 4, 8),
      },
    ],
  },
  {
    code: '09012',
    hint: '占用消防通道',
    conditions: [
      {
        name: '占用、堵塞消防通道或消防车登高操作场地',
        closureCondition: '消防通道清理畅通',
        urgent: true,
        limits: mixed([30, 'minute'], [1, 'hour'], [2, 'hour']),
      },
    ],
  },
  {
    code: '09021',
    hint: '占道洗车',
    conditions: [
      {
        name: '占用道路、人行道洗车',
        closureCondition: '洗车行为已制止，路面清理干净',
        limits: wh(2, 4, 8),
      },
    ],
  },
  // 10 其他
  {
    code: '10001',
    hint: '积雪',
    conditions: [
      {
        name: '道路、人行道、桥梁积雪结冰，影响通行',
        closureCondition: '积雪清除，结冰处撒布融雪剂或防滑料',
        limits: h(12, 24, 48),
      },
    ],
  },
  {
    code: '10002',
    hint: '架空线缆脱落',
    conditions: [
      {
        name: '架空线缆脱落、垂落，影响通行或存在安全隐患',
        closureCondition: '线缆规整或拆除，隐患消除',
        urgent: true,
        limits: h(2, 4, 8),
      },
    ],
  },
  // component matters
  {
    code: '01013',
    hint: '消防设施',
    conditions: [
      {
        name: '消火栓等消防设施损坏、漏水或被圈占、遮挡',
        closureCondition: '消防设施修复，恢复正常使用',
        urgent: true,
        limits: h(2, 4, 8),
      },
    ],
  },
  {
    code: '01037',
    hint: '路灯',
    conditions: [
      {
        name: '路灯不亮或亮灯不正常（含白天亮灯）',
        closureCondition: '路灯恢复正常照明',
        limits: wd(1, 2, 3),
      },
      {
        name: '灯杆倾斜、灯具破损松动，存在坠落或漏电隐患',
        closureCondition: '隐患排除，灯杆灯具修复或加固',
        urgent: true,
        limits: h(2, 4, 8),
      },
    ],
  },
  {
    code: '02014',
    hint: '交通信号灯',
    conditions: [
      {
        name: '交通信号灯不亮、故障或损坏',
        closureCondition: '信号灯恢复正常运行',
        urgent: true,
        limits: h(1, 2, 4),
      },
    ],
  },
  {
    code: '02017',
    hint: '交通护栏',
    conditions: [
      {
        name: '交通护栏破损、倾倒或缺失',
        closureCondition: '护栏修复或补齐，安装稳固',
        limits: wd(1, 2, 3),
      },
    ],
  },
  {
    code: '03001',
    hint: '公共厕所',
    conditions: [
      {
        name: '公厕设施损坏或不能正常开放使用',
        closureCondition: '设施修复，公厕正常开放',
        limits: wd(1, 2, 3),
      },
      {
        name: '公厕卫生脏污、异味明显',
        closureCondition: '清洁消毒完毕，无明显异味',
        limits: wh(2, 4, 8),
      },
    ],
  },
  {
    code: '03005',
    hint: '垃圾箱',
    conditions: [
      {
        name: '垃圾箱（桶）破损、缺失或严重脏污',
        closureCondition: '垃圾箱修复、更换或清洗干净',
        limits: wd(1, 2, 3),
      },
    ],
  },
  {
    code: '04001',
    hint: '古树名木',
    conditions: [
      {
        name: '古树名木受损、倾斜、病虫害或保护设施损坏',
        closureCondition: '已救护复壮，保护设施修复',
        limits: wd(1, 2, 3),
      },
    ],
  },
  { code: '04002', hint: '行道树', conditions: treeConditions },
  { code: '04003', hint: '独立树', conditions: treeConditions },
];

/** Matters with specific seeded conditions, by code. */
export const DEFAULT_CONDITIONS: readonly DefaultMatterConditions[] = [...COVERS, ...SPECIFIC];

/** The one condition every other event matter gets, so every matter is usable. */
export const GENERIC_EVENT_CONDITION: DefaultCondition = {
  name: '经核实，问题属实且属于本事项',
  closureCondition: '问题处置完毕，现场恢复正常',
  limits: wd(2, 3, 5),
};

/** The one condition every other component matter ("<component> abnormal") gets. */
export const GENERIC_COMPONENT_CONDITION: DefaultCondition = {
  name: '部件缺失、破损、污损或功能异常',
  closureCondition: '部件修复、补齐或更换，恢复正常使用',
  limits: wd(2, 3, 5),
};

const stage = (s: Stage, u: Urgency, l: AreaLimits): StageLimit[] =>
  (['A', 'B', 'C'] as const satisfies readonly AreaClass[]).map((areaClass) => ({
    stage: s,
    urgency: u,
    areaClass,
    ...l[areaClass],
  }));

/**
 * City-wide stage limits (domain.md §3): verify and check 30–60 min (C: 2 h); register and
 * dispatch urgent 10 min, normal 30 min; the unit acknowledges within 1 working hour.
 */
export const DEFAULT_STAGE_LIMITS: readonly StageLimit[] = [
  ...stage('verify', 'normal', mixed([30, 'minute'], [60, 'minute'], [2, 'hour'])),
  ...stage('verify', 'urgent', min(15, 30, 60)),
  ...stage('register', 'normal', min(30, 30, 30)),
  ...stage('register', 'urgent', min(10, 10, 10)),
  ...stage('dispatch', 'normal', min(30, 30, 30)),
  ...stage('dispatch', 'urgent', min(10, 10, 10)),
  ...stage('acknowledge', 'normal', wh(1, 1, 1)),
  ...stage('acknowledge', 'urgent', min(15, 15, 30)),
  ...stage('check', 'normal', mixed([30, 'minute'], [60, 'minute'], [2, 'hour'])),
  ...stage('check', 'urgent', min(15, 30, 60)),
];
