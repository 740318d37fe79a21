/**
 * Streaming .xlsx rows with exceljs's WorkbookReader: the first worksheet, one row at a time,
 * never the whole sheet in memory. What the format forces: the shared-strings table (the
 * distinct texts of the workbook) is held while reading, and a workbook that stores its
 * worksheet before that table is spooled to a temporary file by exceljs first.
 */
import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';

/** One row of the sheet: its number (1-based, as Excel shows it) and its cells as text. */
export interface SheetRecord {
  rowNo: number;
  cells: string[];
}

/**
 * A cell value as text. Dates (cells with a date format) come from exceljs as the wall-clock
 * time in UTC fields; they are written without an offset ('2026-11-30T18:00:00') so the caller
 * reads them in the city's time zone.
 */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) {
    return '';
  }
  if (typeof v === 'string') {
    return v;
  }
  if (typeof v === 'number') {
    return String(v);
  }
  if (typeof v === 'boolean') {
    return v ? 'TRUE' : 'FALSE';
  }
  if (v instanceof Date) {
    return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 19);
  }
  if (typeof v === 'object') {
    const o = v as {
      richText?: { text: string }[];
      text?: unknown;
      result?: unknown;
      error?: unknown;
    };
    if (Array.isArray(o.richText)) {
      return o.richText.map((r) => r.text).join('');
    }
    if ('result' in o) {
      return cellText(o.result);
    }
    if (o.text !== undefined) {
      return cellText(o.text);
    }
  }
  return '';
}

function readerOf(path: string, full: boolean) {
  const stream = createReadStream(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: full ? 'cache' : 'ignore',
    // Styles tell dates from numbers.
    styles: full ? 'cache' : 'ignore',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  return { stream, reader };
}

/** The rows of the first worksheet, in order; rows Excel never stored are skipped. */
export async function* xlsxRecords(path: string): AsyncGenerator<SheetRecord> {
  const { stream, reader } = readerOf(path, true);
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) {
          cells.push(cellText(values[i]));
        }
        yield { rowNo: row.number, cells };
      }
      break;
    }
  } finally {
    stream.destroy();
  }
}

/** How many rows the first worksheet stores (a streaming pass that keeps no text). */
export async function countXlsxRows(path: string): Promise<number> {
  const { stream, reader } = readerOf(path, false);
  let n = 0;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        void row;
        n++;
      }
      break;
    }
  } finally {
    stream.destroy();
  }
  return n;
}
