import { ROLES } from '@common/roles';
import type { CaseState } from '@common/workflow';
import {
  CASE_ACTION_NAMES_EN,
  CASE_ACTION_NAMES_ZH,
  CASE_ACTIONS,
  CASE_STATE_NAMES_EN,
  CASE_STATE_NAMES_ZH,
  CASE_STATES,
  OPEN_STATES,
  OVERLAY_ACTIONS,
  TERMINAL_STATES,
  isTerminalState,
} from '@common/workflow';
import { describe, expect, it } from 'vitest';
import { REQUIREMENT_FIELDS, REQUIREMENT_KEYS } from './requirements';
import { TRANSITIONS, findTransition } from './transitions';

const next = (state: CaseState): CaseState[] =>
  TRANSITIONS.filter((r) => r.from === state && r.to !== 'same').map((r) => r.to as CaseState);

function reachableFrom(starts: readonly CaseState[]): Set<CaseState> {
  const seen = new Set<CaseState>(starts);
  const queue = [...starts];
  for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
    for (const t of next(s)) {
      if (!seen.has(t)) {
        seen.add(t);
        queue.push(t);
      }
    }
  }
  return seen;
}

describe('TRANSITIONS (the table itself)', () => {
  it('has each (from, action) pair at most once', () => {
    const keys = TRANSITIONS.map((r) => `${r.from}:${r.action}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('finds every row by (from, action) and nothing else', () => {
    for (const r of TRANSITIONS) {
      expect(findTransition(r.from, r.action)).toBe(r);
    }
    expect(findTransition('closed', 'remind')).toBeUndefined();
  });

  it('uses every action somewhere', () => {
    const used = new Set(TRANSITIONS.map((r) => r.action));
    expect(CASE_ACTIONS.filter((a) => !used.has(a))).toEqual([]);
  });

  it('has no row out of a terminal state but closed → reopen', () => {
    const out = TRANSITIONS.filter((r) => isTerminalState(r.from));
    expect(out.map((r) => [r.from, r.action, r.to])).toEqual([['closed', 'reopen', 'handling']]);
  });

  it('gives every row at least one role, never admin, no role twice', () => {
    for (const r of TRANSITIONS) {
      expect(r.roles.length).toBeGreaterThan(0);
      expect(r.roles).not.toContain('admin');
      expect(new Set(r.roles).size).toBe(r.roles.length);
      for (const role of r.roles) {
        expect(ROLES).toContain(role);
      }
    }
  });

  it('names only known requirement keys, each once; only photo is conditional', () => {
    for (const r of TRANSITIONS) {
      const all = [...r.requires, ...r.requiresIfPhotoRequired];
      expect(new Set(all).size).toBe(all.length);
      for (const k of all) {
        expect(REQUIREMENT_KEYS).toContain(k);
      }
      for (const k of r.requiresIfPhotoRequired) {
        expect(k).toBe('photo');
      }
    }
  });

  it("uses 'same' exactly for the overlay actions and merge, and flags only overlays", () => {
    for (const r of TRANSITIONS) {
      const isOverlay = (OVERLAY_ACTIONS as readonly string[]).includes(r.action);
      expect(r.to === 'same').toBe(isOverlay || r.action === 'merge');
      expect(r.effects.overlay).toBe(isOverlay);
    }
  });

  it('puts both overlays on every open state', () => {
    for (const s of OPEN_STATES) {
      for (const a of OVERLAY_ACTIONS) {
        expect(findTransition(s, a), `${s} / ${a}`).toBeDefined();
      }
    }
  });

  it('reaches every state from the start states', () => {
    const seen = reachableFrom(['reported', 'verifying', 'pending_register']);
    expect(CASE_STATES.filter((s) => !seen.has(s))).toEqual([]);
  });

  it('has no dead end: every open state can still reach closed', () => {
    for (const s of OPEN_STATES) {
      expect(reachableFrom([s]).has('closed'), s).toBe(true);
    }
  });

  it('gives the clock flags to hang and resume only', () => {
    expect(TRANSITIONS.filter((r) => r.effects.pausesClock).map((r) => r.action)).toEqual([
      'approve_hang',
    ]);
    expect(TRANSITIONS.filter((r) => r.effects.resumesClock).map((r) => r.action)).toEqual([
      'resume',
    ]);
    expect(TRANSITIONS.filter((r) => r.effects.reworkIncrement).map((r) => r.action)).toEqual([
      'check_fail',
      'redo',
      'reopen',
    ]);
    expect(TRANSITIONS.filter((r) => r.effects.setsDeadline).map((r) => r.action)).toEqual([
      'approve_extension',
    ]);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(TRANSITIONS)).toBe(true);
    for (const r of TRANSITIONS) {
      expect(Object.isFrozen(r) && Object.isFrozen(r.roles) && Object.isFrozen(r.effects)).toBe(
        true,
      );
    }
  });
});

describe('names shared with the UI', () => {
  it('splits the states into open and terminal', () => {
    const both = [...OPEN_STATES, ...TERMINAL_STATES];
    expect(new Set(both).size).toBe(both.length);
    expect([...both].sort()).toEqual([...CASE_STATES].sort());
  });

  it('labels every state and action, with distinct Chinese labels', () => {
    for (const map of [CASE_STATE_NAMES_ZH, CASE_ACTION_NAMES_ZH]) {
      const labels = Object.values(map);
      expect(new Set(labels).size).toBe(labels.length);
    }
    expect(Object.keys(CASE_STATE_NAMES_ZH).sort()).toEqual([...CASE_STATES].sort());
    expect(Object.keys(CASE_STATE_NAMES_EN).sort()).toEqual([...CASE_STATES].sort());
    expect(Object.keys(CASE_ACTION_NAMES_ZH).sort()).toEqual([...CASE_ACTIONS].sort());
    expect(Object.keys(CASE_ACTION_NAMES_EN).sort()).toEqual([...CASE_ACTIONS].sort());
  });

  it('maps each requirement key to its own payload field', () => {
    const fields = REQUIREMENT_KEYS.map((k) => REQUIREMENT_FIELDS[k]);
    expect(new Set(fields).size).toBe(fields.length);
  });
});
