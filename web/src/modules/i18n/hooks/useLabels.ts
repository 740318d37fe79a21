import {
  CASE_ACTION_NAMES_EN,
  CASE_ACTION_NAMES_ZH,
  CASE_SOURCE_NAMES_EN,
  CASE_SOURCE_NAMES_ZH,
  CASE_STATE_NAMES_EN,
  CASE_STATE_NAMES_ZH,
  DISPOSAL_MODE_NAMES_EN,
  DISPOSAL_MODE_NAMES_ZH,
  VOID_REASON_NAMES_EN,
  VOID_REASON_NAMES_ZH,
} from '@common/workflow';
import { useMemo } from 'react';
import { labelsMessages } from '../labels.messages';
import { formatMessage } from '../utils/messages';
import { useLocale } from './useLocale';

type Dict = Readonly<Record<string, string>>;

/** Looks a name up; an unknown value (a newer server) shows as it is rather than blank. */
const pick = (dict: Dict, key: string | null | undefined): string =>
  key == null ? '' : (dict[key] ?? key);

/** Display names of the workflow's and the platform's codes, in the current language. */
export interface Labels {
  state: (state: string) => string;
  action: (action: string) => string;
  /** An event's action: workflow actions plus 'report' and 'overdue'. */
  eventAction: (action: string) => string;
  source: (source: string) => string;
  disposal: (mode: string | null) => string;
  voidReason: (reason: string | null) => string;
  role: (role: string) => string;
  light: (light: string) => string;
  stage: (stage: string) => string;
  urgency: (urgency: string) => string;
  areaClass: (areaClass: string) => string;
  matched: (column: string) => string;
  closeKind: (kind: string | null) => string;
  /** An evaluation subject: 处置单位, 监督员, 街道 … */
  subject: (subject: string) => string;
  /** An evaluation indicator: 按时处置率, 工作量 … */
  indicator: (indicator: string) => string;
  /** Names joined as the language lists them: 甲、乙和丙 / a, b, and c. */
  list: (items: readonly string[]) => string;
  /** A time limit, e.g. "4 工作小时". */
  limit: (limit: { amount: number; unit: string } | null | undefined) => string;
}

export function useLabels(): Labels {
  const { locale } = useLocale();
  return useMemo(() => {
    const zh = locale === 'zh-CN';
    const l: Dict = labelsMessages[locale];
    const own = (prefix: string, v: string | null | undefined) =>
      v == null ? '' : (l[`${prefix}.${v}`] ?? v);
    const actions: Dict = zh ? CASE_ACTION_NAMES_ZH : CASE_ACTION_NAMES_EN;
    return {
      state: (s) => pick(zh ? CASE_STATE_NAMES_ZH : CASE_STATE_NAMES_EN, s),
      action: (a) => pick(actions, a),
      eventAction: (a) => (Object.hasOwn(actions, a) ? pick(actions, a) : own('event', a)),
      source: (s) => pick(zh ? CASE_SOURCE_NAMES_ZH : CASE_SOURCE_NAMES_EN, s),
      disposal: (m) => pick(zh ? DISPOSAL_MODE_NAMES_ZH : DISPOSAL_MODE_NAMES_EN, m),
      voidReason: (r) => pick(zh ? VOID_REASON_NAMES_ZH : VOID_REASON_NAMES_EN, r),
      role: (r) => own('role', r),
      light: (x) => own('light', x),
      stage: (x) => own('stage', x),
      urgency: (x) => own('urgency', x),
      areaClass: (x) => own('area', x),
      matched: (x) => own('matched', x),
      closeKind: (x) => own('closeKind', x),
      subject: (x) => own('subject', x),
      indicator: (x) => own('ind', x),
      list: (items) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items),
      limit: (lim) =>
        lim ? formatMessage(l[`unit.${lim.unit}`] ?? `{n} ${lim.unit}`, { n: lim.amount }) : '',
    } satisfies Labels;
  }, [locale]);
}
