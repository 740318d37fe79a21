import type { CaseAction, CaseState } from '@common/workflow';

/** The inputs an action form may show (each maps to a field of the action body). */
export type ActionField =
  | 'verifyResult'
  | 'matter'
  | 'condition'
  | 'reason'
  | 'voidReason'
  | 'parentCase'
  | 'targetUnit'
  | 'deadline'
  | 'disposalMode'
  | 'description'
  | 'photos'
  | 'note';

export interface ActionFieldSpec {
  field: ActionField;
  /** true, false, or 'photoRule': required when the matter's condition asks for a photo. */
  required: boolean | 'photoRule';
}

export interface ActionFormSpec {
  fields: readonly ActionFieldSpec[];
  /** Shown as the main (blue) button. */
  primary?: boolean;
  /** Shown as a red button (refuse, void, deny…). */
  danger?: boolean;
}

const req = (field: ActionField): ActionFieldSpec => ({ field, required: true });
const opt = (field: ActionField): ActionFieldSpec => ({ field, required: false });
const photoRule: ActionFieldSpec = { field: 'photos', required: 'photoRule' };

/**
 * What each action asks for, mirroring the workflow table's requirements
 * (server/src/modules/workflow/transitions.ts); the server checks again.
 */
const SPECS: Readonly<Record<CaseAction, ActionFormSpec>> = {
  verify: { fields: [req('verifyResult'), opt('photos'), opt('note')], primary: true },
  register: { fields: [req('matter'), req('condition'), opt('note')], primary: true },
  refuse: { fields: [req('reason')], danger: true },
  void: { fields: [req('voidReason'), opt('note')], danger: true },
  merge: { fields: [req('parentCase'), opt('note')] },
  dispatch: { fields: [req('targetUnit'), opt('note')], primary: true },
  acknowledge: { fields: [opt('note')], primary: true },
  request_extension: { fields: [req('deadline'), req('reason')] },
  request_return: { fields: [req('reason')] },
  request_hang: { fields: [req('reason')] },
  approve_extension: { fields: [req('deadline'), opt('note')], primary: true },
  deny_extension: { fields: [req('reason')], danger: true },
  approve_return: { fields: [opt('note')], primary: true },
  deny_return: { fields: [req('reason')], danger: true },
  approve_hang: { fields: [opt('note')], primary: true },
  deny_hang: { fields: [req('reason')], danger: true },
  resume: { fields: [opt('note')], primary: true },
  feedback: {
    fields: [req('disposalMode'), req('description'), photoRule, opt('note')],
    primary: true,
  },
  check_pass: { fields: [photoRule, opt('note')], primary: true },
  check_fail: { fields: [req('reason'), photoRule], danger: true },
  close: { fields: [opt('note')], primary: true },
  redo: { fields: [req('reason')], danger: true },
  reopen: { fields: [req('reason')], danger: true },
  self_handle: { fields: [req('photos'), opt('note')] },
  audit_pass: { fields: [opt('note')], primary: true },
  audit_fail: { fields: [req('reason')], danger: true },
  supervise: { fields: [req('reason')] },
  remind: { fields: [opt('note')] },
};

/** The form of an action in a state ("verify" in `reported` only sends the case to verify). */
export function actionForm(action: CaseAction, state: CaseState): ActionFormSpec {
  if (action === 'verify' && state === 'reported') {
    return { fields: [opt('note')], primary: true };
  }
  return SPECS[action];
}

/** Buttons in this order: forward actions first, side paths, then overlays. */
export const ACTION_ORDER: readonly CaseAction[] = [
  'verify',
  'register',
  'dispatch',
  'acknowledge',
  'feedback',
  'check_pass',
  'close',
  'audit_pass',
  'approve_extension',
  'approve_return',
  'approve_hang',
  'resume',
  'self_handle',
  'request_extension',
  'request_return',
  'request_hang',
  'merge',
  'deny_extension',
  'deny_return',
  'deny_hang',
  'check_fail',
  'audit_fail',
  'redo',
  'reopen',
  'refuse',
  'void',
  'supervise',
  'remind',
];

/** The actions sorted for display. */
export function sortActions(actions: readonly CaseAction[]): CaseAction[] {
  return [...actions].sort((a, b) => ACTION_ORDER.indexOf(a) - ACTION_ORDER.indexOf(b));
}
