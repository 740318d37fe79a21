import {
  CASE_SOURCE_NAMES_EN,
  CASE_SOURCE_NAMES_ZH,
  CASE_STATE_NAMES_EN,
  CASE_STATE_NAMES_ZH,
  DISPOSAL_MODE_NAMES_EN,
  DISPOSAL_MODE_NAMES_ZH,
} from '@common/workflow';
import ExcelJS from 'exceljs';
import type { CaseView } from '../cases/cases.presenter';
import type { ExportLang } from './console.schema';

/** Names the export looks up: matter, unit and region names by code / id. */
export interface ExportNames {
  matter(code: string): string | undefined;
  unit(id: string): string | undefined;
  region(id: string): string | undefined;
}

interface Column {
  key: string;
  zh: string;
  en: string;
  width: number;
  value(c: CaseView, n: ExportNames, lang: ExportLang): string | number | Date | null;
}

const date = (iso: string | null): Date | null => (iso ? new Date(iso) : null);

const COLUMNS: readonly Column[] = [
  { key: 'number', zh: '案件编号', en: 'Number', width: 16, value: (c) => c.number },
  {
    key: 'state',
    zh: '状态',
    en: 'State',
    width: 16,
    value: (c, _n, l) =>
      (l === 'en' ? CASE_STATE_NAMES_EN : CASE_STATE_NAMES_ZH)[c.state] ?? c.state,
  },
  {
    key: 'source',
    zh: '来源',
    en: 'Source',
    width: 12,
    value: (c, _n, l) =>
      (l === 'en' ? CASE_SOURCE_NAMES_EN : CASE_SOURCE_NAMES_ZH)[c.source] ?? c.source,
  },
  {
    key: 'matterCode',
    zh: '事项编码',
    en: 'Matter code',
    width: 10,
    value: (c) => c.matter?.code ?? null,
  },
  {
    key: 'matterName',
    zh: '事项名称',
    en: 'Matter',
    width: 20,
    value: (c, n) => (c.matter ? (n.matter(c.matter.code) ?? null) : null),
  },
  { key: 'description', zh: '问题描述', en: 'Description', width: 40, value: (c) => c.description },
  { key: 'address', zh: '地址', en: 'Address', width: 24, value: (c) => c.address },
  {
    key: 'street',
    zh: '街道',
    en: 'Street',
    width: 12,
    value: (c, n) => (c.location.streetId ? (n.region(c.location.streetId) ?? null) : null),
  },
  {
    key: 'community',
    zh: '社区',
    en: 'Community',
    width: 12,
    value: (c, n) => (c.location.communityId ? (n.region(c.location.communityId) ?? null) : null),
  },
  { key: 'grid', zh: '单元网格', en: 'Grid', width: 17, value: (c) => c.location.gridCode },
  { key: 'lng', zh: '经度', en: 'Longitude', width: 12, value: (c) => c.location.lng },
  { key: 'lat', zh: '纬度', en: 'Latitude', width: 12, value: (c) => c.location.lat },
  {
    key: 'unit',
    zh: '处置单位',
    en: 'Handling unit',
    width: 24,
    value: (c, n) => (c.unitId ? (n.unit(c.unitId) ?? c.unitId) : null),
  },
  {
    key: 'urgency',
    zh: '紧急程度',
    en: 'Urgency',
    width: 9,
    value: (c, _n, l) =>
      c.urgency === 'urgent' ? (l === 'en' ? 'Urgent' : '紧急') : l === 'en' ? 'Normal' : '一般',
  },
  {
    key: 'disposal',
    zh: '处置方式',
    en: 'Disposal mode',
    width: 10,
    value: (c, _n, l) =>
      c.disposalMode
        ? ((l === 'en' ? DISPOSAL_MODE_NAMES_EN : DISPOSAL_MODE_NAMES_ZH)[c.disposalMode] ??
          c.disposalMode)
        : null,
  },
  {
    key: 'createdAt',
    zh: '上报时间',
    en: 'Reported at',
    width: 18,
    value: (c) => date(c.createdAt),
  },
  {
    key: 'registeredAt',
    zh: '立案时间',
    en: 'Registered at',
    width: 18,
    value: (c) => date(c.registeredAt),
  },
  {
    key: 'dispatchedAt',
    zh: '派遣时间',
    en: 'Dispatched at',
    width: 18,
    value: (c) => date(c.dispatchedAt),
  },
  {
    key: 'handledAt',
    zh: '处置反馈时间',
    en: 'Feedback at',
    width: 18,
    value: (c) => date(c.handledAt),
  },
  { key: 'closedAt', zh: '结案时间', en: 'Closed at', width: 18, value: (c) => date(c.closedAt) },
  {
    key: 'deadline',
    zh: '当前环节期限',
    en: 'Current deadline',
    width: 18,
    value: (c) => date(c.stage?.deadline ?? null),
  },
  {
    key: 'overdue',
    zh: '是否超时',
    en: 'Overdue',
    width: 9,
    value: (c, _n, l) => {
      const overdue = Boolean(c.stage?.overdue || c.handling?.overdue);
      return l === 'en' ? (overdue ? 'Yes' : 'No') : overdue ? '是' : '否';
    },
  },
];

/**
 * The cases as an .xlsx workbook: one sheet, a bold frozen header row in the chosen language,
 * dates as Excel dates in the city's time zone (shown as local wall-clock time).
 */
export async function casesWorkbook(
  cases: readonly CaseView[],
  names: ExportNames,
  opts: { lang: ExportLang; timeZoneOffsetMinutes: (ms: number) => number; truncated: boolean },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cityloop';
  const ws = wb.addWorksheet(opts.lang === 'en' ? 'Cases' : '案件', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = COLUMNS.map((c) => ({
    header: opts.lang === 'en' ? c.en : c.zh,
    key: c.key,
    width: c.width,
  }));
  ws.getRow(1).font = { bold: true };
  for (const c of cases) {
    const row: Record<string, unknown> = {};
    for (const col of COLUMNS) {
      const v = col.value(c, names, opts.lang);
      // Excel has no time zones: write the city's wall-clock time as the cell's date.
      row[col.key] =
        v instanceof Date
          ? new Date(v.getTime() + opts.timeZoneOffsetMinutes(v.getTime()) * 60_000)
          : v;
    }
    ws.addRow(row);
  }
  for (const col of COLUMNS) {
    if (col.key.endsWith('At') || col.key === 'deadline') {
      ws.getColumn(col.key).numFmt = 'yyyy-mm-dd hh:mm';
    }
  }
  if (opts.truncated) {
    ws.addRow([]);
    ws.addRow([
      opts.lang === 'en'
        ? `Only the first ${cases.length} cases are exported; narrow the filters.`
        : `仅导出前 ${cases.length} 条，请缩小查询范围。`,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
