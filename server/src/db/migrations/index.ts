import type { Migration } from 'kysely';
import * as m000100 from './2026_11_21_000100_foundation';
import * as m000200 from './2026_11_21_000200_clock';
import * as m000300 from './2026_11_21_000300_cases';
import * as m000400 from './2026_11_21_000400_space_extra';
import * as m000500 from './2026_11_21_000500_attachments';
import * as m000800 from './2026_11_21_000800_public_channels';
import * as m001100 from './2026_11_21_001100_hotline';
import * as m001200 from './2026_11_21_001200_imports';
import * as m001630 from './2026_11_21_001630_evaluation';
import * as m001900 from './2026_11_21_001900_case_h3_index';
import * as m002000 from './2026_11_21_002000_case_due_index';
import * as m002100 from './2026_11_21_002100_intake_write_path';
import * as m002200 from './2026_11_21_002200_intake_projections';
import * as m002300 from './2026_11_21_002300_case_nearby_covering';
import * as m002400 from './2026_11_21_002400_notice_deadline_order';
import * as m2_000100 from './2026_11_22_000100_overdue_marks';

/** The one migration set, in order. Names sort lexically: YYYY_MM_DD_HHMMSS_<what>. */
export const MIGRATIONS: Record<string, Migration> = {
  '2026_11_21_000100_foundation': m000100,
  '2026_11_21_000200_clock': m000200,
  '2026_11_21_000300_cases': m000300,
  '2026_11_21_000400_space_extra': m000400,
  '2026_11_21_000500_attachments': m000500,
  '2026_11_21_000800_public_channels': m000800,
  '2026_11_21_001100_hotline': m001100,
  '2026_11_21_001200_imports': m001200,
  '2026_11_21_001630_evaluation': m001630,
  '2026_11_21_001900_case_h3_index': m001900,
  '2026_11_21_002000_case_due_index': m002000,
  '2026_11_21_002100_intake_write_path': m002100,
  '2026_11_21_002200_intake_projections': m002200,
  '2026_11_21_002300_case_nearby_covering': m002300,
  '2026_11_21_002400_notice_deadline_order': m002400,
  '2026_11_22_000100_overdue_marks': m2_000100,
};
