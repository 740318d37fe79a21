import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type {
  CalendarDayRow,
  CalendarYearRow,
  NewCalendarDayRow,
  NewCalendarYearRow,
} from './clock.table';
import { settingsRepository } from '../../db/settings.repository';

type Q = Kysely<Database>;

/** app_setting key of the working time: JSON { timeZone, periods: [{ start, end }] } (minutes). */
export const CALENDAR_SETTING_KEY = 'clock.calendar';
/** app_setting key listing the seed sources already applied once (JSON string array). */
export const CALENDAR_SEED_KEY = 'clock.seed';

const firstDate = (year: number): string => `${String(year).padStart(4, '0')}-01-01`;
const lastDate = (year: number): string => `${String(year).padStart(4, '0')}-12-31`;

/** The only SQL of the clock module. Returns rows or undefined; never throws "not found". */
export const clockRepository = {
  listDays(db: Q): Promise<CalendarDayRow[]> {
    return db.selectFrom('calendar_day').selectAll().orderBy('date').execute();
  },

  listYears(db: Q): Promise<CalendarYearRow[]> {
    return db.selectFrom('calendar_year').selectAll().orderBy('year').execute();
  },

  findYear(db: Q, year: number): Promise<CalendarYearRow | undefined> {
    return db.selectFrom('calendar_year').selectAll().where('year', '=', year).executeTakeFirst();
  },

  /** Inserts or replaces the row of a year. */
  async upsertYear(db: Q, row: NewCalendarYearRow): Promise<void> {
    await db
      .insertInto('calendar_year')
      .values(row)
      .onConflict((oc) =>
        oc
          .column('year')
          .doUpdateSet({ official: row.official, note: row.note, updated_at: row.updated_at }),
      )
      .execute();
  },

  /** Inserts a year's row unless the year exists; true when inserted. */
  async insertYearIfAbsent(db: Q, row: NewCalendarYearRow): Promise<boolean> {
    const r = await db
      .insertInto('calendar_year')
      .values(row)
      .onConflict((oc) => oc.column('year').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  /** Deletes a year's row; the number of rows deleted (0 or 1). */
  async deleteYear(db: Q, year: number): Promise<number> {
    const r = await db.deleteFrom('calendar_year').where('year', '=', year).executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  /** Deletes every special day dated in `year`; the number deleted. */
  async deleteDaysOfYear(db: Q, year: number): Promise<number> {
    const r = await db
      .deleteFrom('calendar_day')
      .where('date', '>=', firstDate(year))
      .where('date', '<=', lastDate(year))
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  /** Inserts special days; with `skipExisting` a date already present is left as it is. */
  async insertDays(db: Q, rows: NewCalendarDayRow[], skipExisting = false): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) {
      const q = db.insertInto('calendar_day').values(rows.slice(i, i + 200));
      await (skipExisting ? q.onConflict((oc) => oc.column('date').doNothing()) : q).execute();
    }
  },

  getSetting: (db: Q, key: string) => settingsRepository.get(db, key),

  /** Writes a setting (JSON text), replacing any value. */
  putSetting: (db: Q, key: string, value: string, at: number) =>
    settingsRepository.put(db, key, value, at),

  /** Writes a setting unless the key exists; true when written. */
  insertSettingIfAbsent: (db: Q, key: string, value: string, at: number) =>
    settingsRepository.insertIfAbsent(db, key, value, at),
};
