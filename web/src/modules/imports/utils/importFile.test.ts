import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  IMPORT_MAX_BYTES,
  importFileProblem,
  missingColumns,
  resultsFileName,
} from './importFile';

describe(importFileProblem.name, () => {
  it('takes .xlsx and .csv files up to 200 MB, whatever the case of the extension', () => {
    expect(importFileProblem({ name: '工单.xlsx', size: 10 })).toBeNull();
    expect(importFileProblem({ name: 'ORDERS.CSV', size: IMPORT_MAX_BYTES })).toBeNull();
  });

  it('names what is wrong', () => {
    expect(importFileProblem(null)).toBe('missing');
    expect(importFileProblem({ name: 'old.xls', size: 10 })).toBe('type');
    expect(importFileProblem({ name: 'photo.jpg', size: 10 })).toBe('type');
    expect(importFileProblem({ name: 'csv', size: 10 })).toBe('type');
    expect(importFileProblem({ name: 'a.csv', size: 0 })).toBe('empty');
    expect(importFileProblem({ name: 'a.csv', size: IMPORT_MAX_BYTES + 1 })).toBe('tooLarge');
  });
});

describe('import helpers', () => {
  it('formats sizes', () => {
    expect(formatBytes(930)).toBe('930 B');
    expect(formatBytes(12_700)).toBe('12.4 KB');
    expect(formatBytes(250 * 1024 * 1024)).toBe('250.0 MB');
  });

  it('names the result file after the upload', () => {
    expect(resultsFileName({ id: 'j1', fileName: '工单 11月.xlsx' })).toBe('工单 11月-results.csv');
    expect(resultsFileName({ id: 'j1', fileName: null })).toBe('import-j1-results.csv');
  });

  it('reads the missing columns of IMPORT_HEADER_INVALID', () => {
    expect(
      missingColumns([{ column: '经度', alias: 'lng' }, { column: '纬度' }, { nope: 1 }, 'x']),
    ).toEqual(['经度 (lng)', '纬度']);
    expect(missingColumns(undefined)).toEqual([]);
  });
});
