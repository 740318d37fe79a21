import { describe, expect, it } from 'vitest';
import {
  PUBLIC_BOARD_PERIODS,
  PUBLIC_BOARD_SUBJECTS,
  type PublicBoardPeriod,
} from '../../../api/public-board.api';
import {
  addDays,
  countColumns,
  filterRows,
  isPeriodOpen,
  offeredChoices,
  periodTitle,
  stepBoard,
} from './publicBoard';

const period = (
  kind: PublicBoardPeriod['kind'],
  label: string,
  from: string,
  to: string,
): Pick<PublicBoardPeriod, 'kind' | 'label' | 'from' | 'to'> => ({ kind, label, from, to });

const march = period('month', '2026-03', '2026-03-01', '2026-03-31');

describe(addDays.name, () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe(stepBoard.name, () => {
  it('asks for the day before the first day to go back, whatever the kind', () => {
    expect(stepBoard(march, -1, march)).toEqual({ date: '2026-02-28' });
    expect(
      stepBoard(period('week', '2026-W01', '2025-12-29', '2026-01-04'), -1, undefined),
    ).toEqual({ date: '2025-12-28' });
    expect(
      stepBoard(period('quarter', '2026-Q1', '2026-01-01', '2026-03-31'), -1, undefined),
    ).toEqual({ date: '2025-12-31' });
    expect(stepBoard(period('year', '2025', '2025-01-01', '2025-12-31'), -1, undefined)).toEqual({
      date: '2024-12-31',
    });
  });

  it('stops going forward at the latest published period', () => {
    expect(stepBoard(march, 1, march)).toBeNull();
  });

  it('goes forward by the day after the last day, and back to "latest" when it gets there', () => {
    const january = period('month', '2026-01', '2026-01-01', '2026-01-31');
    const february = period('month', '2026-02', '2026-02-01', '2026-02-28');
    expect(stepBoard(january, 1, march)).toEqual({ date: '2026-02-01' });
    expect(stepBoard(february, 1, march)).toEqual({ date: null });
  });

  it('goes forward when the latest period of the kind is not known', () => {
    expect(stepBoard(march, 1, undefined)).toEqual({ date: '2026-04-01' });
    expect(stepBoard(march, 1, period('quarter', '2026-Q1', '2026-01-01', '2026-03-31'))).toEqual({
      date: '2026-04-01',
    });
  });
});

describe(offeredChoices.name, () => {
  it('offers what the city publishes, in the usual order, and always the board shown', () => {
    expect(offeredChoices(PUBLIC_BOARD_SUBJECTS, 'street', ['unit', 'street'])).toEqual([
      'unit',
      'street',
    ]);
    expect(offeredChoices(PUBLIC_BOARD_PERIODS, 'month', ['year'])).toEqual(['month', 'year']);
  });
});

describe(periodTitle.name, () => {
  it('names months in the language, and weeks, quarters and years by message', () => {
    expect(periodTitle(march, 'zh-CN')).toEqual({ key: null, text: '2026年3月' });
    expect(periodTitle(march, 'en')).toEqual({ key: null, text: 'March 2026' });
    expect(periodTitle(period('week', '2026-W09', '2026-02-23', '2026-03-01'), 'en')).toEqual({
      key: 'board.title.week',
      vars: { year: 2026, week: 9 },
    });
    expect(periodTitle(period('quarter', '2026-Q1', '2026-01-01', '2026-03-31'), 'zh-CN')).toEqual({
      key: 'board.title.quarter',
      vars: { year: 2026, quarter: 1 },
    });
    expect(periodTitle(period('year', '2025', '2025-01-01', '2025-12-31'), 'zh-CN')).toEqual({
      key: 'board.title.year',
      vars: { year: 2025 },
    });
  });
});

describe(isPeriodOpen.name, () => {
  it('is open until its end instant', () => {
    const end = '2026-04-01T00:00:00.000+08:00';
    expect(isPeriodOpen({ end }, Date.parse('2026-03-31T23:59:00+08:00'))).toBe(true);
    expect(isPeriodOpen({ end }, Date.parse(end))).toBe(false);
  });
});

describe(countColumns.name, () => {
  const row = (counts?: Record<string, number>) => ({
    rank: 1,
    name: 'x',
    composite: 80,
    grade: 'B' as const,
    counts,
  });

  it('has no columns without counts', () => {
    expect(countColumns('street', [row()])).toEqual([]);
  });

  it('picks the counts that matter for areas and for units', () => {
    const all = { reported: 9, valid: 8, closed: 7, closed_on_time: 6, public: 2 };
    expect(countColumns('street', [row(all)])).toEqual(['reported', 'closed', 'closed_on_time']);
    expect(
      countColumns('unit', [row({ to_handle: 5, handled: 4, handled_on_time: 3, rework: 1 })]),
    ).toEqual(['to_handle', 'handled', 'handled_on_time']);
  });
});

describe(filterRows.name, () => {
  it('finds names containing the text, ignoring case and spaces around it', () => {
    const rows = [{ name: '东城街道' }, { name: '西城街道' }, { name: 'North Gate' }];
    expect(filterRows(rows, ' 东城 ').map((r) => r.name)).toEqual(['东城街道']);
    expect(filterRows(rows, 'north').map((r) => r.name)).toEqual(['North Gate']);
    expect(filterRows(rows, '')).toHaveLength(3);
  });
});
