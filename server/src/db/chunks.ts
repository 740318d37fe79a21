/** Rows per multi-row statement: far below the bind-parameter limits of both stores. */
export const ROWS_PER_STATEMENT = 200;

/** `xs` in consecutive slices of at most `n` (multi-row INSERTs, `IN (…)` lists). */
export function chunks<T>(xs: readonly T[], n = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) {
    out.push(xs.slice(i, i + n));
  }
  return out;
}
