import type { Services } from '../../services';
import type { Actor } from '../auth/actor';
import type { CaseView } from '../cases/cases.presenter';
import { casesWorkbook } from './case-export';
import type { ExportCasesQuery } from './console.schema';

/** Most cases one export writes (a bigger search is cut, and the sheet says so). */
export const EXPORT_MAX_ROWS = 10_000;
const PAGE = 200;

/** Minutes to add to UTC to get the wall-clock time in `timeZone` at `ms`. */
export function timeZoneOffsetMinutes(timeZone: string, ms: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!m) {
    return 0;
  }
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

export type ConsoleService = ReturnType<typeof createConsoleService>;

/** What the web console needs beyond the module APIs: its public settings and the export. */
export function createConsoleService(s: Services) {
  return {
    /** Public settings of the console (no secrets: the tile URL is fetched by every browser). */
    config() {
      return {
        mapTileUrl: s.ctx.config.mapTileUrl.trim() || null,
        timeZone: s.ctx.config.timezone,
      };
    },

    /**
     * The cases of a search (same filters and jurisdiction as GET /cases) as an .xlsx file.
     * @returns the file, how many rows it has, and whether the search had more
     * @throws VALIDATION_FAILED for an unknown region (as the list)
     */
    async exportCases(
      actor: Actor,
      q: ExportCasesQuery,
    ): Promise<{ file: Buffer; rows: number; truncated: boolean }> {
      const { lang, ...filters } = q;
      const cases: CaseView[] = [];
      let total = 0;
      for (let page = 1; cases.length < EXPORT_MAX_ROWS; page++) {
        const res = await s.cases.list(actor, { ...filters, page, pageSize: PAGE });
        total = res.total;
        cases.push(...res.items);
        if (res.items.length < PAGE) {
          break;
        }
      }
      const rows = cases.slice(0, EXPORT_MAX_ROWS);
      const matters = new Map(
        (await s.catalog.listEntries('matter', {})).map((m) => [
          m.code,
          lang === 'en' && m.nameEn ? m.nameEn : m.name,
        ]),
      );
      const units = new Map(
        (await s.org.listUnits(actor, {})).map((u) => [
          u.id,
          lang === 'en' && u.nameEn ? u.nameEn : u.name,
        ]),
      );
      const regions = s.space.regions();
      const truncated = total > rows.length;
      const file = await casesWorkbook(
        rows,
        {
          matter: (code) => matters.get(code),
          unit: (id) => units.get(id),
          region: (id) => regions.byId(id)?.name,
        },
        {
          lang,
          truncated,
          timeZoneOffsetMinutes: (ms) => timeZoneOffsetMinutes(s.ctx.config.timezone, ms),
        },
      );
      return { file, rows: rows.length, truncated };
    },
  };
}
