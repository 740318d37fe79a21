import type { Migration } from 'kysely';
import * as m000100 from './2026_11_21_000100_foundation';
import * as m000200 from './2026_11_21_000200_clock';
import * as m000300 from './2026_11_21_000300_cases';
import * as m000400 from './2026_11_21_000400_space_extra';
import * as m000500 from './2026_11_21_000500_attachments';
import * as m000800 from './2026_11_21_000800_public_channels';

/** The one migration set, in order. Names sort lexically: YYYY_MM_DD_HHMMSS_<what>. */
export const MIGRATIONS: Record<string, Migration> = {
  '2026_11_21_000100_foundation': m000100,
  '2026_11_21_000200_clock': m000200,
  '2026_11_21_000300_cases': m000300,
  '2026_11_21_000400_space_extra': m000400,
  '2026_11_21_000500_attachments': m000500,
  '2026_11_21_000800_public_channels': m000800,
};
