/**
 * The columns of the import templates, how a header row is matched to them, and how one row
 * becomes the body the hotline or cases service takes. Pure.
 *
 * Headers are matched by their Chinese name or an English alias, ignoring case, blanks, `_`,
 * `-`, a trailing `*` (the template marks required columns with it) and a parenthesised note
 * (`经度(WGS84)`). Columns the kind does not know are ignored.
 */
import {
  HOTLINE_REQUEST_TYPE_NAMES_EN,
  HOTLINE_REQUEST_TYPE_NAMES_ZH,
  HOTLINE_REQUEST_TYPES,
  type HotlineRequestType,
} from '@common/hotline';
import type { z } from 'zod';
import { parseInstant } from '../clock';
import { createCaseBody, type CreateCaseBody } from '../cases/cases.schema';
import { hotlineOrderBody, type HotlineOrderBody } from '../hotline/hotline.schema';

export { IMPORT_KINDS, type ImportKind } from '@common/import-job';
import type { ImportKind } from '@common/import-job';

export type ColumnType =
  | 'text'
  | 'number'
  | 'requestType'
  | 'urgency'
  | 'flag'
  | 'crs'
  | 'legacyKind'
  | 'deadline'
  | 'instant';

export interface ColumnSpec {
  /** The body field it fills. */
  key: string;
  /** The Chinese header of the template. */
  zh: string;
  /** The English header of the template (first) and other accepted names. */
  aliases: readonly string[];
  required: boolean;
  type: ColumnType;
  /** For the template's instructions sheet. */
  description: string;
  example: string;
}

const col = (
  key: string,
  zh: string,
  aliases: string[],
  type: ColumnType,
  required: boolean,
  description: string,
  example: string,
): ColumnSpec => ({ key, zh, aliases, type, required, description, example });

const COMMON_PLACE: ColumnSpec[] = [
  col(
    'address',
    '事发地址',
    ['address', '地址'],
    'text',
    false,
    '事发地点的文字地址',
    '云溪区湖滨路18号',
  ),
  col('lng', '经度', ['lng', 'longitude', 'lon'], 'number', true, '经度，十进制度', '120.1005'),
  col('lat', '纬度', ['lat', 'latitude'], 'number', true, '纬度，十进制度', '30.2005'),
  col('crs', '坐标系', ['crs', 'coordinatesystem'], 'crs', false, 'WGS84（默认）或 GCJ02', 'WGS84'),
  col(
    'matterCode',
    '事项编码',
    ['matterCode', 'matter', '事项代码'],
    'text',
    false,
    '5位现行编码（GB/T 47678.5）或4位旧编码（0110 / 01-10），原编码保留',
    '01-10',
  ),
  col(
    'legacyKind',
    '编码类别',
    ['legacyKind', 'codeKind'],
    'legacyKind',
    false,
    '4位旧编码来自哪张表：事件（默认）或 部件（部件编码即"该部件异常"事项）',
    '事件',
  ),
  col('urgency', '紧急程度', ['urgency', '紧急'], 'urgency', false, '一般（默认）或 紧急', '一般'),
];

/** Columns of a hotline order file. */
export const HOTLINE_COLUMNS: readonly ColumnSpec[] = [
  col(
    'orderNo',
    '工单编号',
    ['orderNo', 'orderNumber', '工单号'],
    'text',
    true,
    '12345 工单编号，重复导入以此去重',
    'GD20261121001',
  ),
  col(
    'requestType',
    '诉求类型',
    ['requestType', 'type', '类型'],
    'requestType',
    true,
    '咨询/求助/投诉/举报/建议/表扬',
    '投诉',
  ),
  col(
    'callerName',
    '来电人',
    ['callerName', 'caller', '来电人姓名'],
    'text',
    false,
    '来电人姓名（列表中脱敏显示）',
    '王女士',
  ),
  col(
    'callerPhone',
    '来电号码',
    ['callerPhone', 'phone', '联系电话'],
    'text',
    false,
    '来电号码（列表中脱敏显示）',
    '13812345678',
  ),
  col(
    'originalText',
    '诉求内容',
    ['originalText', 'content', 'description'],
    'text',
    true,
    '市民诉求原文',
    '湖滨路18号门口垃圾两天无人清运',
  ),
  ...COMMON_PLACE,
  col(
    'hotlineDeadline',
    '办理时限',
    ['hotlineDeadline', 'deadline'],
    'deadline',
    false,
    '热线要求的办结时间：YYYY-MM-DD HH:mm（本市时间）；只写日期即当日24:00',
    '2026-11-30 18:00',
  ),
  col(
    'confidential',
    '保密',
    ['confidential', '是否保密'],
    'flag',
    false,
    '是/否（默认否）；保密工单对处置单位隐藏来电人',
    '否',
  ),
  col(
    'receivedAt',
    '受理时间',
    ['receivedAt', '来电时间'],
    'instant',
    false,
    '热线受理时间：YYYY-MM-DD HH:mm（本市时间）',
    '2026-11-21 08:30',
  ),
];

/** Columns of a historical case file (from an old system). */
export const CASE_COLUMNS: readonly ColumnSpec[] = [
  col(
    'oldId',
    '旧系统编号',
    ['oldId', 'legacyId', '原案件编号'],
    'text',
    true,
    '旧系统中的案件编号，重复导入以此去重',
    'SZCG-2019-000123',
  ),
  col(
    'description',
    '问题描述',
    ['description', '案件描述', '诉求内容'],
    'text',
    true,
    '问题描述',
    '湖滨路井盖破损',
  ),
  ...COMMON_PLACE,
  col(
    'reportedAt',
    '上报时间',
    ['reportedAt', '立案时间'],
    'instant',
    false,
    '旧系统中的上报时间：YYYY-MM-DD HH:mm（本市时间）',
    '2025-06-01 09:15',
  ),
  col(
    'oldState',
    '原状态',
    ['oldState', 'state', '状态'],
    'text',
    false,
    '旧系统中的状态（仅记录，不还原历史）',
    '处置中',
  ),
];

export const COLUMNS_OF: Readonly<Record<ImportKind, readonly ColumnSpec[]>> = {
  hotline: HOTLINE_COLUMNS,
  cases: CASE_COLUMNS,
};

/** A header as compared: lower case, no blanks, `_`, `-`, trailing `*` or parenthesised note. */
export function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[*＊]/g, '')
    .replace(/[\s_-]/g, '')
    .toLowerCase();
}

export interface HeaderMap {
  /** Column index of each known field. */
  index: Map<string, number>;
  /** Required columns the header lacks. */
  missing: ColumnSpec[];
}

/** Matches a header row to the columns of a kind. */
export function mapHeader(cells: readonly string[], columns: readonly ColumnSpec[]): HeaderMap {
  const byName = new Map<string, ColumnSpec>();
  for (const c of columns) {
    for (const name of [c.zh, c.key, ...c.aliases]) {
      byName.set(normaliseHeader(name), c);
    }
  }
  const index = new Map<string, number>();
  cells.forEach((cell, i) => {
    const c = byName.get(normaliseHeader(cell));
    if (c && !index.has(c.key)) {
      index.set(c.key, i);
    }
  });
  return { index, missing: columns.filter((c) => c.required && !index.has(c.key)) };
}

export type RowResult<B> = { ok: true; body: B } | { ok: false; reason: string };

const REQUEST_TYPE_BY_NAME = new Map<string, HotlineRequestType>(
  HOTLINE_REQUEST_TYPES.flatMap((t) => [
    [t, t] as const,
    [HOTLINE_REQUEST_TYPE_NAMES_ZH[t], t] as const,
    [HOTLINE_REQUEST_TYPE_NAMES_EN[t].toLowerCase(), t] as const,
  ]),
);

const URGENCY: Record<string, 'normal' | 'urgent'> = {
  一般: 'normal',
  普通: 'normal',
  正常: 'normal',
  normal: 'normal',
  紧急: 'urgent',
  加急: 'urgent',
  特急: 'urgent',
  urgent: 'urgent',
};

const FLAG: Record<string, boolean> = {
  是: true,
  否: false,
  y: true,
  n: false,
  yes: true,
  no: false,
  true: true,
  false: false,
  '1': true,
  '0': false,
};

const CRS: Record<string, 'wgs84' | 'gcj02'> = { wgs84: 'wgs84', gcj02: 'gcj02' };

const LEGACY_KIND: Record<string, 'event' | 'component'> = {
  事件: 'event',
  event: 'event',
  部件: 'component',
  component: 'component',
};

const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** 'YYYY-MM-DD', 'YYYY/MM/DD HH:mm[:ss]', ISO 8601 with or without an offset → epoch ms. */
export function parseLocalInstant(
  text: string,
  timeZone: string,
  dateMeans: 'start' | 'end',
): number | null {
  let s = text.trim().replaceAll('/', '-');
  const dateOnly = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (dateOnly) {
    const [, y, m, d] = dateOnly;
    s = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}T${dateMeans === 'end' ? '24:00' : '00:00'}`;
  }
  const dt = /^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{2})(.*)$/.exec(s);
  if (dt) {
    const [, y, m, d, hh, mi, rest] = dt;
    s = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}T${hh!.padStart(2, '0')}:${mi}${rest}`;
  }
  return parseInstant(s, timeZone);
}

interface CellIssue {
  column: string;
  message: string;
}

/** Reads the known cells of a row into typed values; issues name the column. */
function readCells(
  index: Map<string, number>,
  cells: readonly string[],
  columns: readonly ColumnSpec[],
  timeZone: string,
): { values: Record<string, unknown>; issues: CellIssue[]; missing: string[] } {
  const values: Record<string, unknown> = {};
  const issues: CellIssue[] = [];
  const missing: string[] = [];
  for (const c of columns) {
    const i = index.get(c.key);
    const raw = i === undefined ? '' : (cells[i] ?? '').trim();
    if (raw === '') {
      if (c.required) {
        missing.push(c.zh);
      }
      continue;
    }
    const lower = raw.toLowerCase().replace(/[\s\-_]/g, '');
    switch (c.type) {
      case 'text':
        values[c.key] = raw;
        break;
      case 'number':
        if (NUMBER_RE.test(raw)) {
          values[c.key] = Number(raw);
        } else {
          issues.push({ column: c.zh, message: `not a number: ${JSON.stringify(raw)}` });
        }
        break;
      case 'requestType': {
        const t = REQUEST_TYPE_BY_NAME.get(raw) ?? REQUEST_TYPE_BY_NAME.get(raw.toLowerCase());
        if (t) {
          values[c.key] = t;
        } else {
          issues.push({
            column: c.zh,
            message: `unknown type ${JSON.stringify(raw)} (咨询/求助/投诉/举报/建议/表扬)`,
          });
        }
        break;
      }
      case 'urgency': {
        const u = URGENCY[raw] ?? URGENCY[lower];
        if (u) {
          values[c.key] = u;
        } else {
          issues.push({
            column: c.zh,
            message: `unknown urgency ${JSON.stringify(raw)} (一般/紧急)`,
          });
        }
        break;
      }
      case 'flag': {
        const f = FLAG[raw] ?? FLAG[lower];
        if (f !== undefined) {
          values[c.key] = f;
        } else {
          issues.push({
            column: c.zh,
            message: `not a yes/no value: ${JSON.stringify(raw)} (是/否)`,
          });
        }
        break;
      }
      case 'crs': {
        const v = CRS[lower];
        if (v) {
          values[c.key] = v;
        } else {
          issues.push({
            column: c.zh,
            message: `unknown coordinate system ${JSON.stringify(raw)} (WGS84/GCJ02)`,
          });
        }
        break;
      }
      case 'legacyKind': {
        const k = LEGACY_KIND[raw] ?? LEGACY_KIND[lower];
        if (k) {
          values[c.key] = k;
        } else {
          issues.push({
            column: c.zh,
            message: `unknown code table ${JSON.stringify(raw)} (事件/部件)`,
          });
        }
        break;
      }
      case 'deadline':
      case 'instant': {
        const ms = parseLocalInstant(raw, timeZone, c.type === 'deadline' ? 'end' : 'start');
        if (ms === null) {
          issues.push({
            column: c.zh,
            message: `not a date and time: ${JSON.stringify(raw)} (YYYY-MM-DD HH:mm)`,
          });
        } else {
          values[c.key] = new Date(ms).toISOString();
        }
        break;
      }
    }
  }
  return { values, issues, missing };
}

function reasonOf(missing: string[], issues: CellIssue[]): string {
  if (missing.length > 0) {
    return `IMPORT_VALUE_MISSING: ${missing.join(', ')} is empty`;
  }
  return `IMPORT_VALUE_INVALID: ${issues.map((i) => `${i.column}: ${i.message}`).join('; ')}`;
}

/** zod issues of a body → the template's column names. */
function zodIssues(
  error: z.ZodError,
  columns: readonly ColumnSpec[],
  rename: Record<string, string> = {},
): CellIssue[] {
  return error.issues.map((i) => {
    const key = String(i.path[0] ?? '');
    const spec = columns.find((c) => c.key === (rename[key] ?? key));
    return { column: spec?.zh ?? key, message: i.message };
  });
}

/** One row of a hotline order file → the body of hotline intake, or why not. */
export function parseHotlineRow(
  index: Map<string, number>,
  cells: readonly string[],
  timeZone: string,
): RowResult<HotlineOrderBody> {
  const { values, issues, missing } = readCells(index, cells, HOTLINE_COLUMNS, timeZone);
  if (missing.length > 0 || issues.length > 0) {
    return { ok: false, reason: reasonOf(missing, issues) };
  }
  const parsed = hotlineOrderBody.safeParse(values);
  if (!parsed.success) {
    return { ok: false, reason: reasonOf([], zodIssues(parsed.error, HOTLINE_COLUMNS)) };
  }
  return { ok: true, body: parsed.data };
}

/** A historical case row: the intake body and what the old system said. */
export interface HistoricalCase {
  oldId: string;
  oldState: string | null;
  oldReportedAt: number | null;
  body: CreateCaseBody;
}

/** One row of a historical case file → the body of case intake (source import), or why not. */
export function parseCaseRow(
  index: Map<string, number>,
  cells: readonly string[],
  timeZone: string,
): RowResult<HistoricalCase> {
  const { values, issues, missing } = readCells(index, cells, CASE_COLUMNS, timeZone);
  if (missing.length > 0 || issues.length > 0) {
    return { ok: false, reason: reasonOf(missing, issues) };
  }
  const oldId = typeof values.oldId === 'string' ? values.oldId : '';
  const oldState = typeof values.oldState === 'string' ? values.oldState.slice(0, 50) : null;
  const parsed = createCaseBody.safeParse({
    source: 'import',
    description: values.description,
    address: values.address,
    lng: values.lng,
    lat: values.lat,
    crs: values.crs,
    urgency: values.urgency,
    matterCode: values.matterCode,
    legacyKind: values.legacyKind,
    externalId: oldId,
  });
  if (!parsed.success) {
    return {
      ok: false,
      reason: reasonOf([], zodIssues(parsed.error, CASE_COLUMNS, { externalId: 'oldId' })),
    };
  }
  return {
    ok: true,
    body: {
      oldId,
      oldState,
      oldReportedAt: typeof values.reportedAt === 'string' ? Date.parse(values.reportedAt) : null,
      body: parsed.data,
    },
  };
}

/** True for a row with no text at all (skipped, not counted). */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}
