/**
 * Catalog codes, current and legacy, and the mapping between them (domain.md §4). Pure: the
 * catalog and the override table are passed in as lookups.
 *
 * - Current codes (GB/T 47678.5-2026) are 5 digits: a 2-digit major class and a 3-digit minor.
 *   Minors run 001–099 (the densest class ends at 077), so a legacy 2-digit minor maps 1:1 and
 *   a 5-digit code whose minor is 100 or more (`01100`, a legacy code with a digit too many) is
 *   invalid rather than merely unknown.
 * - Legacy codes (GB/T 30428.2-2013, CJ/T 214-2007) are 4 digits, written `0110` or `01-10`.
 *   Events: new major = old major + 5, minor zero-padded (01-10 → 06010). Components: same
 *   major, minor zero-padded (0101 → 01001).
 * - Context decides the legacy table: a matter code defaults to the event table; with
 *   legacyKind 'component' it means "the abnormal matter of that component" (the matter with
 *   the component's code). A component code always comes from the component table.
 * - An override (table legacy_code_override) wins over the rule.
 */
import { appError } from '../../lib/app-error';
import type { CatalogKind, LegacyKind, ResolvedCode } from './catalog.types';

/** Highest minor of a current code (see above). */
export const MAX_MINOR = 99;
/** Offset between legacy event major classes (01–05) and current matter classes (06–10). */
export const EVENT_MAJOR_OFFSET = 5;

const CURRENT_RE = /^(\d{2})(\d{3})$/;
const LEGACY_RE = /^(\d{2})-?(\d{2})$/;

/** A syntactically valid code: current (5 digits) or legacy (4 digits, normalised to `0110`). */
export interface ParsedCode {
  form: 'current' | 'legacy';
  /** `06010` for a current code, `0110` for a legacy one. */
  code: string;
  major: number;
  minor: number;
}

/** Parses a code as typed (`06010`, `0110`, `01-10`; surrounding blanks ignored); null if bad. */
export function parseCatalogCode(raw: string): ParsedCode | null {
  const s = raw.trim();
  const cur = CURRENT_RE.exec(s);
  if (cur) {
    const major = Number(cur[1]);
    const minor = Number(cur[2]);
    if (major < 1 || minor < 1 || minor > MAX_MINOR) {
      return null;
    }
    return { form: 'current', code: s, major, minor };
  }
  const leg = LEGACY_RE.exec(s);
  if (leg) {
    const major = Number(leg[1]);
    const minor = Number(leg[2]);
    if (major < 1 || minor < 1) {
      return null;
    }
    return { form: 'legacy', code: `${leg[1]}${leg[2]}`, major, minor };
  }
  return null;
}

/** True for a valid current 5-digit code. */
export function isCurrentCode(raw: string): boolean {
  return parseCatalogCode(raw)?.form === 'current';
}

/** Normalises a legacy code (`01-10` → `0110`); null when it is not one. */
export function normaliseLegacyCode(raw: string): string | null {
  const p = parseCatalogCode(raw);
  return p?.form === 'legacy' ? p.code : null;
}

/** Writes a 4-digit legacy code the way the old standards print it: `0110` → `01-10`. */
export function formatLegacyCode(code: string): string {
  return `${code.slice(0, 2)}-${code.slice(2)}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const pad3 = (n: number) => String(n).padStart(3, '0');

/**
 * The rule of domain.md §4 for a legacy code of a legacy table: the current code, or null when
 * the result lies outside the code space (an event major above 94).
 */
export function legacyRuleCode(legacy: ParsedCode, legacyKind: LegacyKind): string | null {
  const major = legacyKind === 'event' ? legacy.major + EVENT_MAJOR_OFFSET : legacy.major;
  if (major > 99) {
    return null;
  }
  return `${pad2(major)}${pad3(legacy.minor)}`;
}

/** The legacy table a legacy code is read from, in a context. */
export function legacyKindFor(ctx: CodeContext): LegacyKind {
  return ctx.kind === 'component' ? 'component' : (ctx.legacyKind ?? 'event');
}

export interface CodeContext {
  /** The table the caller wants a code of. */
  kind: CatalogKind;
  /** For matters: which legacy table a 4-digit code comes from; 'event' by default. */
  legacyKind?: LegacyKind;
  /** Field path named in error details (e.g. 'body.matterCode'); 'code' by default. */
  path?: string;
}

/** The data mapCode consults. */
export interface CodeLookup {
  /** The override of a normalised legacy code of a legacy table, if any. */
  override(
    legacyCode: string,
    legacyKind: LegacyKind,
  ): { kind: CatalogKind; code: string } | undefined;
  /** True when the catalog holds the entry (active or not). */
  has(kind: CatalogKind, code: string): boolean;
}

/**
 * Resolves a current or legacy code to a current catalog code of `ctx.kind`.
 *
 * @throws CATALOG_CODE_INVALID when the code is malformed, or a component is asked for with a
 *   legacy event code; CATALOG_CODE_UNMAPPABLE when a legacy code maps to no entry;
 *   CATALOG_ENTRY_NOT_FOUND when a well-formed current code is not in the catalog.
 */
export function mapCode(raw: string, ctx: CodeContext, lookup: CodeLookup): ResolvedCode {
  const path = ctx.path ?? 'code';
  const original = raw.trim();
  const parsed = parseCatalogCode(raw);
  if (!parsed) {
    throw appError(
      'CATALOG_CODE_INVALID',
      `"${original}" is not a catalog code (5 digits like 06010, or legacy 4 digits like 0110 or 01-10)`,
      [{ path, message: 'must be a 5-digit code or a legacy 4-digit code' }],
    );
  }
  if (parsed.form === 'current') {
    if (!lookup.has(ctx.kind, parsed.code)) {
      throw appError('CATALOG_ENTRY_NOT_FOUND', `No ${ctx.kind} ${parsed.code} in the catalog`, [
        { path, message: `unknown ${ctx.kind} code` },
      ]);
    }
    return { kind: ctx.kind, code: parsed.code, original, mappedBy: 'current' };
  }

  if (ctx.kind === 'component' && ctx.legacyKind === 'event') {
    throw appError(
      'CATALOG_CODE_INVALID',
      'A component code comes from the legacy component table, not the event table',
      [{ path: 'legacyKind', message: "must be 'component' for a component code" }],
    );
  }
  const legacyKind = legacyKindFor(ctx);
  const over = lookup.override(parsed.code, legacyKind);
  // A component target serves a matter context as "the abnormal matter of that component".
  const target = over ? over.code : legacyRuleCode(parsed, legacyKind);
  if (target !== null && lookup.has(ctx.kind, target)) {
    return {
      kind: ctx.kind,
      code: target,
      original,
      mappedBy: over ? 'override' : 'rule',
    };
  }
  const how = over ? `override → ${over.code}` : `rule → ${target ?? 'outside the code space'}`;
  throw appError(
    'CATALOG_CODE_UNMAPPABLE',
    `Legacy ${legacyKind} code ${original} maps to no ${ctx.kind} in the catalog (${how})`,
    [{ path, message: `legacy code ${original} maps to no ${ctx.kind}` }],
  );
}
