import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { SpecialDay } from './calendar.types';
import {
  CHINA_SPECIAL_DAYS_2025,
  CHINA_SPECIAL_DAYS_2026,
  DEFAULT_WORKING_PERIODS,
} from './calendar-seed';
import {
  CALENDAR_SEED_KEY,
  CALENDAR_SETTING_KEY,
  clockRepository as repo,
} from './clock.repository';
import { serializeWorkingTime } from './working-time';

/** One official schedule shipped with cityloop. */
interface OfficialSchedule {
  year: number;
  /** calendar_day.source of its days, and its name in the seed marker. */
  source: string;
  note: string;
  days: readonly SpecialDay[];
}

/** The official schedules shipped with this release; later years are entered by an admin. */
export const OFFICIAL_SCHEDULES: readonly OfficialSchedule[] = [
  {
    year: 2025,
    source: 'official-2025',
    note: '国务院办公厅关于2025年部分节假日安排的通知 (2024-11-12)',
    days: CHINA_SPECIAL_DAYS_2025,
  },
  {
    year: 2026,
    source: 'official-2026',
    note: '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)',
    days: CHINA_SPECIAL_DAYS_2026,
  },
];

export interface SeedCalendarOptions {
  /** Time zone of a calendar seeded for the first time (config.timezone). */
  timeZone: string;
  /** Epoch ms written as updated_at. */
  nowMs: number;
}

export interface SeedCalendarResult {
  /** Years whose official schedule this call wrote. */
  years: number[];
  /** True when this call wrote the default working time (periods and time zone). */
  workingTime: boolean;
}

/**
 * Writes the reference calendar, idempotently and never over an admin's edits:
 * - each shipped official schedule (2025, 2026) is applied ONCE per store: a marker in
 *   app_setting 'clock.seed' records it, so a year an admin later replaced or deleted stays as
 *   the admin left it; a year already present when first seeded is left alone too;
 * - the default working time (08:30–12:00, 13:30–17:30 in `timeZone`) only when none is stored.
 * One transaction; safe to call on every start.
 */
export async function seedCalendar(
  db: Kysely<Database>,
  opts: SeedCalendarOptions,
): Promise<SeedCalendarResult> {
  return db.transaction().execute(async (trx) => {
    const markerText = await repo.getSetting(trx, CALENDAR_SEED_KEY);
    const applied = new Set<string>(markerText ? (JSON.parse(markerText) as string[]) : []);
    const years: number[] = [];
    let markerChanged = !markerText;
    for (const schedule of OFFICIAL_SCHEDULES) {
      if (applied.has(schedule.source)) {
        continue;
      }
      applied.add(schedule.source);
      markerChanged = true;
      const inserted = await repo.insertYearIfAbsent(trx, {
        year: schedule.year,
        official: 1,
        note: schedule.note,
        updated_at: opts.nowMs,
      });
      if (inserted) {
        await repo.insertDays(
          trx,
          schedule.days.map((d) => ({ ...d, source: schedule.source })),
          true,
        );
        years.push(schedule.year);
      }
    }
    if (markerChanged) {
      await repo.putSetting(trx, CALENDAR_SEED_KEY, JSON.stringify([...applied]), opts.nowMs);
    }
    const workingTime = await repo.insertSettingIfAbsent(
      trx,
      CALENDAR_SETTING_KEY,
      serializeWorkingTime({ timeZone: opts.timeZone, periods: DEFAULT_WORKING_PERIODS }),
      opts.nowMs,
    );
    return { years, workingTime };
  });
}
