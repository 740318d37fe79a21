import type { Migration } from 'kysely';
import * as m000100 from './2026_11_21_000100_foundation';

/** The one migration set, in order. Names sort lexically: YYYY_MM_DD_HHMMSS_<what>. */
export const MIGRATIONS: Record<string, Migration> = {
  '2026_11_21_000100_foundation': m000100,
};
