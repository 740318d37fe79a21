/**
 * Names of the case closed loop (闭环): states, actions, sources, disposal modes and void
 * reasons, with their Chinese and English labels. Shared by the server's workflow module (which
 * owns the transition table) and the web UI (which shows the labels).
 *
 * Names are part of the API: they are stored in the database and sent over HTTP. Never rename
 * one; add a new one instead.
 */

/** Every state a case can be in, in the order of the loop. */
export const CASE_STATES = [
  'reported',
  'verifying',
  'pending_register',
  'registered',
  'refused',
  'voided',
  'dispatched',
  'handling',
  'extension_requested',
  'return_requested',
  'hang_requested',
  'hung',
  'handled',
  'checking',
  'closed',
  'self_handled',
] as const;

export type CaseState = (typeof CASE_STATES)[number];

/**
 * Final states: no overlay is allowed in them and they count as finished. `refused` and
 * `voided` are never left; `closed` is left by one action only, `reopen` (an unsatisfied
 * hotline callback the unit caused sends the case back to the same unit).
 */
export const TERMINAL_STATES = [
  'refused',
  'voided',
  'closed',
] as const satisfies readonly CaseState[];

export type TerminalState = (typeof TERMINAL_STATES)[number];

/** Every non-terminal state; supervise and remind are allowed in each of them. */
export const OPEN_STATES = [
  'reported',
  'verifying',
  'pending_register',
  'registered',
  'dispatched',
  'handling',
  'extension_requested',
  'return_requested',
  'hang_requested',
  'hung',
  'handled',
  'checking',
  'self_handled',
] as const satisfies readonly Exclude<CaseState, TerminalState>[];

export type OpenState = (typeof OPEN_STATES)[number];

/** True for a final state (see TERMINAL_STATES: only `reopen` leaves `closed`). */
export function isTerminalState(state: CaseState): state is TerminalState {
  return (TERMINAL_STATES as readonly CaseState[]).includes(state);
}

/** Every action (command) a user can take on a case. */
export const CASE_ACTIONS = [
  'verify',
  'register',
  'refuse',
  'void',
  'dispatch',
  'acknowledge',
  'request_extension',
  'approve_extension',
  'deny_extension',
  'request_return',
  'approve_return',
  'deny_return',
  'request_hang',
  'approve_hang',
  'deny_hang',
  'resume',
  'feedback',
  'check_pass',
  'check_fail',
  'close',
  'redo',
  'reopen',
  'self_handle',
  'audit_pass',
  'audit_fail',
  'supervise',
  'remind',
  'merge',
] as const;

export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Actions that are overlays on an open case: recorded as events, they never change the state. */
export const OVERLAY_ACTIONS = ['supervise', 'remind'] as const satisfies readonly CaseAction[];

export type OverlayAction = (typeof OVERLAY_ACTIONS)[number];

/** Chinese state labels for the UI. */
export const CASE_STATE_NAMES_ZH: Readonly<Record<CaseState, string>> = {
  reported: '已上报',
  verifying: '核实中',
  pending_register: '待立案',
  registered: '已立案待派遣',
  refused: '不予立案',
  voided: '已作废',
  dispatched: '已派遣待签收',
  handling: '处置中',
  extension_requested: '延期申请中',
  return_requested: '回退申请中',
  hang_requested: '挂账申请中',
  hung: '已挂账',
  handled: '核查通过待结案',
  checking: '核查中',
  closed: '已结案',
  self_handled: '自处置待审核',
};

/** English state labels (logs, exports, English UI). */
export const CASE_STATE_NAMES_EN: Readonly<Record<CaseState, string>> = {
  reported: 'Reported',
  verifying: 'Verifying',
  pending_register: 'Pending registration',
  registered: 'Registered, awaiting dispatch',
  refused: 'Refused',
  voided: 'Voided',
  dispatched: 'Dispatched, awaiting acknowledgement',
  handling: 'Handling',
  extension_requested: 'Extension requested',
  return_requested: 'Return requested',
  hang_requested: 'Hang requested',
  hung: 'Hung',
  handled: 'Checked, awaiting closure',
  checking: 'Checking',
  closed: 'Closed',
  self_handled: 'Self-handled, awaiting audit',
};

/** Chinese action labels for the UI (button texts, history lines). */
export const CASE_ACTION_NAMES_ZH: Readonly<Record<CaseAction, string>> = {
  verify: '核实',
  register: '立案',
  refuse: '不予立案',
  void: '作废',
  dispatch: '派遣',
  acknowledge: '签收',
  request_extension: '申请延期',
  approve_extension: '批准延期',
  deny_extension: '驳回延期',
  request_return: '申请回退',
  approve_return: '批准回退',
  deny_return: '驳回回退',
  request_hang: '申请挂账',
  approve_hang: '批准挂账',
  deny_hang: '驳回挂账',
  resume: '恢复处置',
  feedback: '处置反馈',
  check_pass: '核查通过',
  check_fail: '核查不通过',
  close: '结案',
  redo: '退回重办',
  reopen: '重启',
  self_handle: '自处置',
  audit_pass: '审核通过',
  audit_fail: '审核不通过',
  supervise: '督办',
  remind: '催办',
  merge: '合并',
};

/** English action labels. */
export const CASE_ACTION_NAMES_EN: Readonly<Record<CaseAction, string>> = {
  verify: 'Verify',
  register: 'Register',
  refuse: 'Refuse',
  void: 'Void',
  dispatch: 'Dispatch',
  acknowledge: 'Acknowledge',
  request_extension: 'Request extension',
  approve_extension: 'Approve extension',
  deny_extension: 'Deny extension',
  request_return: 'Request return',
  approve_return: 'Approve return',
  deny_return: 'Deny return',
  request_hang: 'Request hang',
  approve_hang: 'Approve hang',
  deny_hang: 'Deny hang',
  resume: 'Resume',
  feedback: 'Feedback',
  check_pass: 'Check passed',
  check_fail: 'Check failed',
  close: 'Close',
  redo: 'Send back for redo',
  reopen: 'Reopen',
  self_handle: 'Self-handle',
  audit_pass: 'Audit passed',
  audit_fail: 'Audit failed',
  supervise: 'Supervise',
  remind: 'Remind',
  merge: 'Merge',
};

/** Where a case comes from. */
export const CASE_SOURCES = [
  'inspector',
  'hotline',
  'public',
  'open311',
  'sensor',
  'import',
] as const;

export type CaseSource = (typeof CASE_SOURCES)[number];

export const CASE_SOURCE_NAMES_ZH: Readonly<Record<CaseSource, string>> = {
  inspector: '监督员上报',
  hotline: '12345热线',
  public: '公众上报',
  open311: 'Open311',
  sensor: '感知设备',
  import: '数据导入',
};

export const CASE_SOURCE_NAMES_EN: Readonly<Record<CaseSource, string>> = {
  inspector: 'Inspector',
  hotline: '12345 hotline',
  public: 'Public',
  open311: 'Open311',
  sensor: 'Sensor',
  import: 'Import',
};

/** How a unit disposed of a case (721 method: 70 % service, 20 % management, 10 % enforcement). */
export const DISPOSAL_MODES = ['service', 'management', 'enforcement'] as const;

export type DisposalMode = (typeof DISPOSAL_MODES)[number];

export const DISPOSAL_MODE_NAMES_ZH: Readonly<Record<DisposalMode, string>> = {
  service: '服务',
  management: '管理',
  enforcement: '执法',
};

export const DISPOSAL_MODE_NAMES_EN: Readonly<Record<DisposalMode, string>> = {
  service: 'Service',
  management: 'Management',
  enforcement: 'Enforcement',
};

/**
 * Why a case was voided. The first three are chosen by the user with the `void` action
 * (see `SELECTABLE_VOID_REASONS`); the others are set by the workflow itself: `merged` by
 * `merge`, `self_handle_rejected` by `audit_fail`.
 */
export const VOID_REASONS = [
  'duplicate',
  'invalid',
  'out_of_jurisdiction',
  'merged',
  'self_handle_rejected',
] as const;

export type VoidReason = (typeof VOID_REASONS)[number];

/** The void reasons a user may pick for the `void` action. */
export const SELECTABLE_VOID_REASONS = [
  'duplicate',
  'invalid',
  'out_of_jurisdiction',
] as const satisfies readonly VoidReason[];

export type SelectableVoidReason = (typeof SELECTABLE_VOID_REASONS)[number];

export const VOID_REASON_NAMES_ZH: Readonly<Record<VoidReason, string>> = {
  duplicate: '重复上报',
  invalid: '无效上报',
  out_of_jurisdiction: '非本辖区',
  merged: '已合并',
  self_handle_rejected: '自处置审核不通过',
};

export const VOID_REASON_NAMES_EN: Readonly<Record<VoidReason, string>> = {
  duplicate: 'Duplicate',
  invalid: 'Invalid',
  out_of_jurisdiction: 'Out of jurisdiction',
  merged: 'Merged',
  self_handle_rejected: 'Self-handle rejected',
};

/** The stages whose clock the platform keeps (domain.md §3). */
export type ClockStage = 'verify' | 'register' | 'dispatch' | 'acknowledge' | 'handle' | 'check';

/** Which stage's clock runs in a state; null when none does (awaiting closure, terminal). */
export function stageOf(state: CaseState): ClockStage | null {
  switch (state) {
    case 'verifying':
      return 'verify';
    case 'reported':
    case 'pending_register':
    case 'self_handled':
      return 'register';
    case 'registered':
      return 'dispatch';
    case 'dispatched':
      return 'acknowledge';
    case 'handling':
    case 'extension_requested':
    case 'return_requested':
    case 'hang_requested':
    case 'hung':
      return 'handle';
    case 'checking':
      return 'check';
    case 'handled':
    case 'refused':
    case 'voided':
    case 'closed':
      return null;
  }
}
