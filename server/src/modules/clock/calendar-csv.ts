/**
 * CSV text of a year's official schedule, as an admin pastes it when the State Council
 * publishes next year's notice: one `date,kind,name` line per day, e.g.
 *
 *     date,kind,name
 *     2027-01-01,holiday,元旦
 *     2027-02-06,workday,春节
 *
 * Pure. Structural problems (wrong number of fields) are reported here; whether the dates,
 * kinds and names make a valid schedule is checked by the clock service.
 */
import type { FieldIssue } from '../../lib/errors';

/** One data line: the raw fields (date and kind normalised) and its 1-based line number. */
export interface CsvDay {
  date: string;
  kind: string;
  name: string;
  line: number;
}

export interface ParsedCalendarCsv {
  days: CsvDay[];
  /** Problems with paths `body.line.<n>`. */
  issues: FieldIssue[];
}

/** Kind words accepted besides 'holiday' and 'workday' (as printed in Chinese calendars). */
const KIND_ALIASES: Record<string, string> = {
  休: 'holiday',
  放假: 'holiday',
  班: 'workday',
  上班: 'workday',
};

/** Splits one CSV line: comma-separated (tab-separated when pasted from a spreadsheet). */
function splitLine(line: string): string[] | null {
  const sep = !line.includes(',') && line.includes('\t') ? '\t' : ',';
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < line.length) {
    const ch = line[i] ?? '';
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === sep) {
      fields.push(field.trim());
      field = '';
    } else {
      field += ch;
    }
    i += 1;
  }
  if (quoted) {
    return null;
  }
  fields.push(field.trim());
  return fields;
}

/** 'YYYY-M-D' or 'YYYY/MM/DD' → 'YYYY-MM-DD'; anything else unchanged (the service rejects it). */
function normaliseDate(text: string): string {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : text;
}

/**
 * Parses `date,kind,name` lines. Blank lines and lines starting with '#' are skipped, as is a
 * first line naming the columns (`date,kind,name`). Fields may be quoted ("a, b"); trailing
 * empty fields are ignored.
 */
export function parseCalendarCsv(text: string): ParsedCalendarCsv {
  const days: CsvDay[] = [];
  const issues: FieldIssue[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let sawData = false;
  lines.forEach((raw, i) => {
    const line = i + 1;
    const content = raw.trim();
    if (content === '' || content.startsWith('#')) {
      return;
    }
    const fields = splitLine(content);
    if (fields === null) {
      issues.push({ path: `body.line.${line}`, message: 'unterminated quoted field' });
      return;
    }
    while (fields.length > 3 && fields[fields.length - 1] === '') {
      fields.pop();
    }
    const [date = '', kind = '', name = ''] = fields;
    if (!sawData && date.toLowerCase() === 'date') {
      sawData = true;
      return; // the header
    }
    sawData = true;
    if (fields.length !== 3) {
      issues.push({
        path: `body.line.${line}`,
        message: `expected 3 fields date,kind,name; got ${fields.length}: ${content}`,
      });
      return;
    }
    const k = kind.toLowerCase();
    days.push({ date: normaliseDate(date), kind: KIND_ALIASES[k] ?? k, name, line });
  });
  return { days, issues };
}
