/**
 * Streaming CSV (RFC 4180): bytes → text → records, one chunk at a time, so a file of any size
 * is read with memory bounded by its longest record.
 *
 * - Encoding: a UTF-8 byte-order mark, or a first chunk that is valid UTF-8, means UTF-8;
 *   anything else is read as GB18030 (a superset of GBK: what Excel's plain "CSV" writes on
 *   Chinese Windows).
 * - Fields are separated by commas; a field may be quoted with `"`, a quote inside one doubled
 *   (`""`); quoted fields may hold commas and line breaks. Lines end with LF or CRLF.
 * - A field longer than MAX_FIELD_CHARS (an unclosed quote, usually) stops the read.
 */
import { TextDecoder } from 'node:util';

/** Longest field accepted, in characters. */
export const MAX_FIELD_CHARS = 100_000;

/** Raised when the text cannot be a CSV we accept (a runaway quoted field). */
export class CsvFormatError extends Error {
  constructor(
    message: string,
    readonly record: number,
  ) {
    super(message);
    this.name = 'CsvFormatError';
  }
}

function pickDecoder(first: Uint8Array): TextDecoder {
  if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) {
    return new TextDecoder('utf-8');
  }
  try {
    // stream: true lets a multi-byte character cut at the chunk's end pass.
    new TextDecoder('utf-8', { fatal: true }).decode(first, { stream: true });
    return new TextDecoder('utf-8');
  } catch {
    return new TextDecoder('gb18030');
  }
}

/** Bytes → text chunks, in UTF-8 or GB18030 (see above); the BOM is dropped. */
export async function* decodeText(
  bytes: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  for await (const chunk of bytes) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (buf.length === 0) {
      continue;
    }
    decoder ??= pickDecoder(buf);
    const text = decoder.decode(buf, { stream: true });
    if (text) {
      yield text;
    }
  }
  const tail = decoder?.decode() ?? '';
  if (tail) {
    yield tail;
  }
}

/**
 * Text chunks → records (arrays of field strings). A blank line yields `['']`; the caller
 * decides what an empty record means.
 * @throws CsvFormatError for a field longer than MAX_FIELD_CHARS
 */
export async function* csvRecords(
  text: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<string[]> {
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  /** Inside quotes, the last character was a quote: either an escape or the closing one. */
  let quoteSeen = false;
  let records = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  for await (const chunk of text) {
    for (const ch of chunk) {
      if (inQuotes) {
        if (quoteSeen) {
          quoteSeen = false;
          if (ch === '"') {
            field += '"';
            continue;
          }
          inQuotes = false;
          // The quote closed the field: handle `ch` as outside quotes below.
        } else if (ch === '"') {
          quoteSeen = true;
          continue;
        } else {
          field += ch;
          if (field.length > MAX_FIELD_CHARS) {
            throw new CsvFormatError(
              `A field of record ${records + 1} is longer than ${MAX_FIELD_CHARS} characters (an unclosed quote?)`,
              records + 1,
            );
          }
          continue;
        }
      }
      if (ch === '"' && field === '') {
        inQuotes = true;
        continue;
      }
      if (ch === ',') {
        endField();
        continue;
      }
      if (ch === '\n') {
        if (field.endsWith('\r')) {
          field = field.slice(0, -1);
        }
        endField();
        records++;
        yield record;
        record = [];
        continue;
      }
      field += ch;
      if (field.length > MAX_FIELD_CHARS) {
        throw new CsvFormatError(
          `A field of record ${records + 1} is longer than ${MAX_FIELD_CHARS} characters`,
          records + 1,
        );
      }
    }
  }
  if (field.endsWith('\r')) {
    field = field.slice(0, -1);
  }
  if (field !== '' || record.length > 0 || inQuotes) {
    endField();
    yield record;
  }
}

/** Writes one CSV field: quoted when needed; a leading = + - @ is defused (CSV injection). */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) {
    return '';
  }
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) {
    s = `'${s}`;
  }
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Counts line feeds in a byte stream: the record count of a CSV, give or take quoted breaks. */
export async function countLineFeeds(bytes: AsyncIterable<Uint8Array>): Promise<{
  lineFeeds: number;
  endsWithLineFeed: boolean;
}> {
  let lineFeeds = 0;
  let last = -1;
  for await (const chunk of bytes) {
    for (let i = 0; i < chunk.length; i++) {
      if (chunk[i] === 0x0a) {
        lineFeeds++;
      }
    }
    if (chunk.length > 0) {
      last = chunk[chunk.length - 1]!;
    }
  }
  return { lineFeeds, endsWithLineFeed: last === 0x0a };
}
