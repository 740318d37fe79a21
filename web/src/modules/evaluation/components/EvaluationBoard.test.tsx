import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  DrillView,
  IndicatorRow,
  IndicatorsView,
  RankingsView,
} from '../../../api/evaluation.api';
import { LocaleProvider } from '../../i18n/components/LocaleProvider';
import { EvaluationBoard } from './EvaluationBoard';

const json = (status: number, body: unknown) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

const period = {
  kind: 'month' as const,
  label: '2026-10',
  from: '2026-10-01',
  to: '2026-10-31',
  days: 31,
  start: '2026-09-30T16:00:00.000Z',
  end: '2026-10-31T16:00:00.000Z',
};

function row(key: string, name: string, onTime: [number, number], grade: string): IndicatorRow {
  const rate = { value: onTime[0] / onTime[1], numerator: onTime[0], denominator: onTime[1] };
  return {
    key,
    name,
    counts: { to_handle: onTime[1], handled_on_time: onTime[0], rework: 1 },
    rates: { handling_on_time_rate: rate },
    scores: { handling_on_time_rate: rate.value * 100 },
    volume: onTime[1],
    activity: onTime[1],
    composite: rate.value * 100,
    grade,
  };
}

const indicators: IndicatorsView = {
  subject: 'unit',
  period,
  components: [{ indicator: 'handling_on_time_rate', weight: 1 }],
  rows: [row('u1', '云溪环卫所', [3, 4], 'C'), row('u2', '市政养护队', [9, 10], 'A')],
};

const item = (n: number, metric: string) => ({
  caseId: `c${n}`,
  number: `2026100${n}0001`,
  seq: 5,
  at: `2026-10-1${n}T02:00:00.000Z`,
  metric,
});

const drill: DrillView = {
  dimension: 'unit',
  key: 'u1',
  indicator: 'handling_on_time_rate',
  period,
  kind: 'rate',
  count: 3,
  items: [],
  rate: 0.75,
  numerator: {
    metric: 'unit.handled_on_time',
    count: 3,
    items: [1, 2, 3].map((n) => item(n, 'unit.handled_on_time')),
  },
  denominator: {
    metric: 'unit.to_handle',
    count: 4,
    items: [1, 2, 3, 4].map((n) => item(n, 'unit.to_handle')),
  },
};

const rankings: RankingsView = {
  subject: 'unit',
  period,
  rules: { top: 3, bottom: 3, redMin: 90, yellowBelow: 80, minVolume: 1 },
  ranked: [
    { rank: 1, key: 'u2', name: '市政养护队', composite: 90, grade: 'A', activity: 10 },
    { rank: 2, key: 'u1', name: '云溪环卫所', composite: 75, grade: 'C', activity: 4 },
  ],
  red: [{ rank: 1, key: 'u2', name: '市政养护队', composite: 90, grade: 'A', activity: 10 }],
  yellow: [{ rank: 2, key: 'u1', name: '云溪环卫所', composite: 75, grade: 'C', activity: 4 }],
};

const trends = {
  dimension: 'major',
  metric: 'reported',
  periods: [{ ...period, label: '2026-09' }, period],
  yearAgo: period,
  series: [
    {
      key: '06',
      name: '06',
      values: [8, 12],
      change: { previous: 8, abs: 4, pct: 50 },
      yearAgo: { value: null, abs: null, pct: null },
    },
    {
      key: '-',
      name: '-',
      values: [3, 2],
      change: { previous: 3, abs: -1, pct: -33.33 },
      yearAgo: { value: null, abs: null, pct: null },
    },
  ],
};

let urls: string[] = [];
let indicatorsAnswer: () => Promise<Response> = () => json(200, indicators);

function fakeFetch(input: RequestInfo | URL): Promise<Response> {
  const url = input instanceof Request ? input.url : input.toString();
  urls.push(url);
  const path = url.split('?')[0];
  if (path === '/api/v1/evaluation/indicators') {
    return indicatorsAnswer();
  }
  if (path === '/api/v1/evaluation/drill') {
    return json(200, drill);
  }
  if (path === '/api/v1/evaluation/rankings') {
    return json(200, rankings);
  }
  if (path === '/api/v1/evaluation/trends') {
    return json(200, trends);
  }
  if (path === '/api/v1/catalog/matters') {
    return json(200, {
      items: [
        {
          kind: 'matter',
          code: '06010',
          majorCode: '06',
          majorName: '市容环境类',
          name: '暴露垃圾',
          nameEn: null,
          componentCode: null,
          standard: true,
          active: true,
        },
      ],
    });
  }
  return json(404, { error: { code: 'NOT_FOUND', message: url } });
}

const params = (url: string) => Object.fromEntries(new URL(url, 'http://x').searchParams);

function renderBoard(entry = '/evaluation?date=2026-10-15') {
  return render(
    <MemoryRouter initialEntries={[entry]}>
      <LocaleProvider>
        <AntApp>
          <EvaluationBoard />
        </AntApp>
      </LocaleProvider>
    </MemoryRouter>,
  );
}

beforeEach(() => {
  urls = [];
  indicatorsAnswer = () => json(200, indicators);
  vi.stubGlobal('fetch', vi.fn(fakeFetch));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('EvaluationBoard', () => {
  it('shows each unit’s rates and grade for the period, and the cases behind a rate', async () => {
    renderBoard();
    const table = await screen.findByTestId('indicator-table');
    await within(table).findByText('云溪环卫所');
    expect(params(urls.find((u) => u.startsWith('/api/v1/evaluation/indicators'))!)).toEqual({
      subject: 'unit',
      period: 'month',
      date: '2026-10-15',
    });
    expect(screen.getByTestId('evaluation-period').textContent).toContain('2026-10');
    expect(within(table).getByText('A')).toBeTruthy();
    const rate = screen.getByTestId('rate-handling_on_time_rate-u1');
    expect(rate.textContent).toBe('75.0%');

    fireEvent.click(rate);
    const drawer = await screen.findByTestId('drill');
    expect(params(urls.find((u) => u.startsWith('/api/v1/evaluation/drill'))!)).toEqual({
      indicator: 'handling_on_time_rate',
      dimension: 'unit',
      key: 'u1',
      period: 'month',
      date: '2026-10-15',
    });
    expect(within(drawer).getByTestId('drill-rate').textContent).toContain('75.0%');
    // The numerator's three cases, the latest first, each a link to its page.
    const links = within(drawer).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/cases/c3',
      '/cases/c2',
      '/cases/c1',
    ]);
    expect(links[0]!.textContent).toBe('202610030001');
  });

  it('steps to the previous period', async () => {
    renderBoard();
    await screen.findByText('云溪环卫所');
    fireEvent.click(screen.getByTestId('period-previous'));
    await waitFor(() =>
      expect(
        urls
          .filter((u) => u.startsWith('/api/v1/evaluation/indicators'))
          .map((u) => params(u).date),
      ).toEqual(['2026-10-15', '2026-09-15']),
    );
  });

  it('counts cases by class against the period before, and drills into a class', async () => {
    renderBoard('/evaluation?tab=category&date=2026-10-15');
    const table = await screen.findByTestId('category-table');
    await within(table).findByText('06 市容环境类');
    expect(params(urls.find((u) => u.startsWith('/api/v1/evaluation/trends'))!)).toMatchObject({
      dimension: 'major',
      metric: 'reported',
      count: '2',
      period: 'month',
      date: '2026-10-15',
    });
    expect(within(table).getByText('未分类')).toBeTruthy();
    expect(within(table).getByText('+4 (+50%)')).toBeTruthy();
    expect(within(table).getByText('-1 (-33.33%)')).toBeTruthy();
    fireEvent.click(within(table).getByText('12'));
    await screen.findByTestId('drill');
    expect(params(urls.find((u) => u.startsWith('/api/v1/evaluation/drill'))!)).toMatchObject({
      indicator: 'reported',
      dimension: 'major',
      key: '06',
    });
  });

  it('shows the red and yellow lists of the ranking', async () => {
    renderBoard('/evaluation?tab=rankings&date=2026-10-15');
    const red = await screen.findByTestId('red-list');
    expect(screen.getByTestId('evaluation-period-bar')).toBeTruthy();
    await within(red).findByText('市政养护队');
    const yellow = screen.getByTestId('yellow-list');
    expect(within(yellow).getByText('云溪环卫所')).toBeTruthy();
    expect(within(yellow).queryByText('市政养护队')).toBeNull();
  });

  it('shows the monthly report without the period bar, which it does not use', async () => {
    renderBoard('/evaluation?tab=report&date=2026-10-15');
    await screen.findByTestId('report-month');
    expect(screen.queryByTestId('evaluation-period-bar')).toBeNull();
  });

  it('says why the board could not load, in the user’s words', async () => {
    indicatorsAnswer = () =>
      json(400, {
        error: { code: 'EVALUATION_PERIOD_INVALID', message: 'a period spans at most 366 days' },
      });
    renderBoard('/evaluation?period=custom&from=2024-01-01&to=2026-11-01');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('自定义周期最长 366 天');
    expect(screen.queryByText('云溪环卫所')).toBeNull();
  });
});
