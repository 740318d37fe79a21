/**
 * Local extensions (地方扩展) of the code tables. Inside a major class the standard defines, the
 * standard owns minors 001–089 (numbers it leaves out stay reserved for later revisions); local
 * codes take the "other" range 090–099 (098/099 as in the legacy tables). A major class the
 * standard does not define is wholly local.
 */
import { parseCatalogCode } from './legacy-code';

/** First minor a local extension may use inside a standard major class. */
export const LOCAL_MINOR_FROM = 90;

/** Why `code` cannot be a local extension, or null when it can. Pure. */
export function localCodeProblem(code: string, standardMajors: ReadonlySet<string>): string | null {
  const p = parseCatalogCode(code);
  if (p?.form !== 'current') {
    return 'must be a 5-digit code with a minor of 001–099';
  }
  if (standardMajors.has(code.slice(0, 2)) && p.minor < LOCAL_MINOR_FROM) {
    return `minors below ${String(LOCAL_MINOR_FROM).padStart(3, '0')} of major class ${code.slice(0, 2)} are reserved for the standard; use ${code.slice(0, 2)}090–${code.slice(0, 2)}099`;
  }
  return null;
}
