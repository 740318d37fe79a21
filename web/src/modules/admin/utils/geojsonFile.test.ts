import { describe, expect, it } from 'vitest';
import { importIssues, parseGeoJson } from './geojsonFile';

describe(parseGeoJson.name, () => {
  it('reads a feature collection, with or without a BOM', () => {
    const r = parseGeoJson('\uFEFF{"type":"FeatureCollection","features":[{}]}');
    expect(r.ok && r.collection.features).toHaveLength(1);
  });

  it('says why a file cannot be imported', () => {
    expect(parseGeoJson('{"type":').ok).toBe(false);
    expect(parseGeoJson('{"type":"Feature"}')).toEqual({ ok: false, reason: 'collection' });
  });
});

describe(importIssues.name, () => {
  it('keeps the feature problems in file order', () => {
    expect(
      importIssues([
        { index: 4, code: null, path: 'features.4.geometry', message: 'ring not closed' },
        { index: 1, code: '339901', path: 'features.1.properties.code', message: 'bad code' },
        'noise',
      ]).map((i) => i.index),
    ).toEqual([1, 4]);
    expect(importIssues(undefined)).toEqual([]);
  });
});
