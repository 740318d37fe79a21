/**
 * Names of the 12345 hotline overlay (domain.md §5), shared by the server's hotline module and
 * the web UI. Names are part of the API: never rename one; add a new one instead.
 */

/** How the hotline classifies a work order (诉求类型). */
export const HOTLINE_REQUEST_TYPES = [
  'consult',
  'help',
  'complaint',
  'report',
  'suggestion',
  'praise',
] as const;

export type HotlineRequestType = (typeof HOTLINE_REQUEST_TYPES)[number];

export const HOTLINE_REQUEST_TYPE_NAMES_ZH: Readonly<Record<HotlineRequestType, string>> = {
  consult: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
  praise: '表扬',
};

export const HOTLINE_REQUEST_TYPE_NAMES_EN: Readonly<Record<HotlineRequestType, string>> = {
  consult: 'Consultation',
  help: 'Request for help',
  complaint: 'Complaint',
  report: 'Report',
  suggestion: 'Suggestion',
  praise: 'Praise',
};

/** The caller's satisfaction at the callback (回访). */
export const HOTLINE_SATISFACTION = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;

export type HotlineSatisfaction = (typeof HOTLINE_SATISFACTION)[number];

export const HOTLINE_SATISFACTION_NAMES_ZH: Readonly<Record<HotlineSatisfaction, string>> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};

export const HOTLINE_SATISFACTION_NAMES_EN: Readonly<Record<HotlineSatisfaction, string>> = {
  satisfied: 'Satisfied',
  basically_satisfied: 'Basically satisfied',
  unsatisfied: 'Unsatisfied',
};

/** Where the hotline desk's review of the unit's reply stands. */
export const HOTLINE_REPLY_REVIEWS = ['pending', 'accepted', 'redo'] as const;

export type HotlineReplyReview = (typeof HOTLINE_REPLY_REVIEWS)[number];

export const HOTLINE_REPLY_REVIEW_NAMES_ZH: Readonly<Record<HotlineReplyReview, string>> = {
  pending: '待审核',
  accepted: '审核通过',
  redo: '退回重办',
};
