import { describe, expect, it } from 'vitest';
import { readMyReports, rememberMyReport } from './myReports';

describe(rememberMyReport.name, () => {
  it('keeps the newest first without duplicates', () => {
    rememberMyReport({ trackingNumber: 'A', number: '1', at: 't1' });
    rememberMyReport({ trackingNumber: 'B', number: '2', at: 't2' });
    const list = rememberMyReport({ trackingNumber: 'A', number: '1', at: 't3' });
    expect(list.map((x) => [x.trackingNumber, x.at])).toEqual([
      ['A', 't3'],
      ['B', 't2'],
    ]);
    expect(readMyReports()).toEqual(list);
  });

  it('ignores what it cannot read', () => {
    localStorage.setItem('cityloop.portal.reports', '{not json');
    expect(readMyReports()).toEqual([]);
  });
});
