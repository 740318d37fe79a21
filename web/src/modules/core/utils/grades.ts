/** Colour of a grade tag (A best … E worst), in the console and the public portal alike. */
export const GRADE_COLOR: Readonly<Record<string, string>> = {
  A: 'green',
  B: 'blue',
  C: 'gold',
  D: 'orange',
  E: 'red',
};

/**
 * A score or composite (0–100) with one decimal, cut rather than rounded, so 89.95 (grade B)
 * reads 89.9 and never 90.0 beside a B; '—' when there is none.
 */
export function formatScore(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : (Math.floor(v * 10 + 1e-9) / 10).toFixed(1);
}
