/**
 * The GB/T 47678.5-2026 code tables shipped in ./reference (transcribed from a copy of the
 * annex; replace the CSV files to correct them). Columns, by header name:
 * components `code,major_code,major_name,name[,name_en]`,
 * matters `code,major_code,major_name,name,component_code[,name_en]`.
 */
import { readFileSync } from 'node:fs';
import type { CatalogKind } from './catalog.types';
import { isCurrentCode } from './legacy-code';

/** One row of a reference table. */
export interface ReferenceEntry {
  kind: CatalogKind;
  code: string;
  majorCode: string;
  majorName: string;
  name: string;
  nameEn: string | null;
  componentCode: string | null;
}

export const REFERENCE_FILES: Record<CatalogKind, URL> = {
  component: new URL('./reference/gbt47678-5-components.csv', import.meta.url),
  matter: new URL('./reference/gbt47678-5-matters.csv', import.meta.url),
};

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF, optional BOM). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') {
        i++;
      }
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** Writes one CSV line (quotes a field only when needed). */
export function csvLine(fields: readonly (string | number | null)[]): string {
  return fields
    .map((f) => {
      const v = f === null ? '' : String(f);
      return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
    })
    .join(',');
}

/**
 * Parses one reference table. Throws (a deployment error, not a request error) when a header
 * is missing, a code is malformed or repeated, or a major code disagrees with its code.
 */
export function parseReferenceTable(kind: CatalogKind, text: string): ReferenceEntry[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) {
    throw new Error(`reference ${kind} table is empty`);
  }
  const col = (name: string, required: boolean): number => {
    const i = header.findIndex((h) => h.trim() === name);
    if (i < 0 && required) {
      throw new Error(`reference ${kind} table lacks column ${name}`);
    }
    return i;
  };
  const iCode = col('code', true);
  const iMajor = col('major_code', true);
  const iMajorName = col('major_name', true);
  const iName = col('name', true);
  const iComponent = col('component_code', kind === 'matter');
  const iNameEn = col('name_en', false);
  const seen = new Set<string>();
  return rows.map((r, n) => {
    const at = `reference ${kind} table, line ${n + 2}`;
    const get = (i: number) => (i >= 0 ? (r[i] ?? '').trim() : '');
    const code = get(iCode);
    if (!isCurrentCode(code)) {
      throw new Error(`${at}: bad code "${code}"`);
    }
    if (seen.has(code)) {
      throw new Error(`${at}: code ${code} repeated`);
    }
    seen.add(code);
    const majorCode = get(iMajor);
    if (majorCode !== code.slice(0, 2)) {
      throw new Error(`${at}: major ${majorCode} does not match code ${code}`);
    }
    const name = get(iName);
    const majorName = get(iMajorName);
    if (!name || !majorName) {
      throw new Error(`${at}: name and major_name are required`);
    }
    const componentCode = get(iComponent);
    if (componentCode && !isCurrentCode(componentCode)) {
      throw new Error(`${at}: bad component_code "${componentCode}"`);
    }
    return {
      kind,
      code,
      majorCode,
      majorName,
      name,
      nameEn: get(iNameEn) || null,
      componentCode: componentCode || null,
    };
  });
}

let cached: { components: ReferenceEntry[]; matters: ReferenceEntry[] } | undefined;

/**
 * The shipped reference tables (read once per process). Every component_code of a matter must
 * name a component of the component table.
 */
export function loadReferenceCatalog(): {
  components: ReferenceEntry[];
  matters: ReferenceEntry[];
} {
  if (!cached) {
    const components = parseReferenceTable(
      'component',
      readFileSync(REFERENCE_FILES.component, 'utf8'),
    );
    const matters = parseReferenceTable('matter', readFileSync(REFERENCE_FILES.matter, 'utf8'));
    const componentCodes = new Set(components.map((c) => c.code));
    for (const m of matters) {
      if (m.componentCode && !componentCodes.has(m.componentCode)) {
        throw new Error(`reference matter ${m.code} names unknown component ${m.componentCode}`);
      }
    }
    cached = { components, matters };
  }
  return cached;
}
