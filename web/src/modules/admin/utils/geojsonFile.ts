import type { SpaceImportIssue } from '../../../api/admin.api';

/** What a chosen file holds, before anything is sent. */
export type ParsedGeoJson =
  | { ok: true; collection: { type: 'FeatureCollection'; features: unknown[] } }
  | { ok: false; reason: 'json'; message: string }
  | { ok: false; reason: 'collection' };

/** Reads a GeoJSON FeatureCollection from a file's text (a UTF-8 BOM is allowed). */
export function parseGeoJson(text: string): ParsedGeoJson {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, reason: 'json', message: err instanceof Error ? err.message : String(err) };
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    (value as { type?: unknown }).type !== 'FeatureCollection' ||
    !Array.isArray((value as { features?: unknown }).features)
  ) {
    return { ok: false, reason: 'collection' };
  }
  return { ok: true, collection: value as { type: 'FeatureCollection'; features: unknown[] } };
}

/** The feature problems of a SPACE_IMPORT_INVALID answer (its details), sorted by feature. */
export function importIssues(details: unknown): SpaceImportIssue[] {
  if (!Array.isArray(details)) {
    return [];
  }
  return details
    .filter(
      (d): d is SpaceImportIssue =>
        typeof d === 'object' &&
        d !== null &&
        typeof (d as SpaceImportIssue).index === 'number' &&
        typeof (d as SpaceImportIssue).message === 'string',
    )
    .sort((a, b) => a.index - b.index);
}
