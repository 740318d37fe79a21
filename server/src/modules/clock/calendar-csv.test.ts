import { describe, expect, it } from 'vitest';
import { parseCalendarCsv } from './calendar-csv';

describe('parseCalendarCsv', () => {
  it('reads date,kind,name lines, skipping header, blanks and comments', () => {
    const text = [
      '\uFEFFdate,kind,name',
      '# 2027 (example)',
      '2027-01-01,holiday,元旦',
      '',
      '  2027-02-20 , workday , 春节  ',
      '2027/2/6,休,春节',
      '2027-02-21,班,"春节, 调休"',
      '2027-02-22\tholiday\t春节',
      '2027-02-23,HOLIDAY,春节,,',
    ].join('\r\n');
    const { days, issues } = parseCalendarCsv(text);
    expect(issues).toEqual([]);
    expect(days).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '元旦', line: 3 },
      { date: '2027-02-20', kind: 'workday', name: '春节', line: 5 },
      { date: '2027-02-06', kind: 'holiday', name: '春节', line: 6 },
      { date: '2027-02-21', kind: 'workday', name: '春节, 调休', line: 7 },
      { date: '2027-02-22', kind: 'holiday', name: '春节', line: 8 },
      { date: '2027-02-23', kind: 'holiday', name: '春节', line: 9 },
    ]);
  });

  it('reports lines with the wrong number of fields or an open quote', () => {
    const { days, issues } = parseCalendarCsv(
      '2027-01-01,holiday\n2027-01-02,holiday,元旦,extra\n2027-01-03,holiday,"元旦\n2027-01-04,holiday,元旦',
    );
    expect(days.map((d) => d.line)).toEqual([4]);
    expect(issues.map((i) => i.path)).toEqual(['body.line.1', 'body.line.2', 'body.line.3']);
  });

  it('keeps unknown kinds and bad dates for the service to report', () => {
    const { days, issues } = parseCalendarCsv('2027-13-01,weekend,x');
    expect(issues).toEqual([]);
    expect(days).toEqual([{ date: '2027-13-01', kind: 'weekend', name: 'x', line: 1 }]);
  });
});
