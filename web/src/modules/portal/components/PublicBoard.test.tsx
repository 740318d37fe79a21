import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  PublicBoard as Board,
  PublicBoardPeriodKind,
  PublicBoardRow,
  PublicBoardSubject,
} from '../../../api/public-board.api';
import { LocaleProvider } from '../../i18n/components/LocaleProvider';
import type { Locale } from '../../i18n/utils/messages';
import { PublicBoard } from './PublicBoard';

const json = (status: number, body: unknown) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

const row = (rank: number, name: string, composite: number, grade: PublicBoardRow['grade']) => ({
  rank,
  name,
  composite,
  grade,
});

const STREETS = [
  row(1, '东城街道', 92.456, 'A'),
  row(2, '西城街道', 78.5, 'B'),
  row(3, '南城街道', 41, 'D'),
];

/** A month board, the month being the one of `date` (default: the latest ended, 2026-03). */
function monthBoard(subject: PublicBoardSubject, date: string | null, over: Partial<Board> = {}) {
  const month = (date ?? '2026-03').slice(0, 7);
  const [y = 0, m = 1] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return {
    subject,
    period: {
      kind: 'month' as const,
      label: month,
      from: `${month}-01`,
      to: `${month}-${last}`,
      days: last,
      start: `${month}-01T00:00:00.000+08:00`,
      end: `${next}-01T00:00:00.000+08:00`,
    },
    // The fake server fills in what the city publishes.
    published: { subjects: [], periods: [] },
    ranked: STREETS,
    red: [STREETS[0]!],
    yellow: [STREETS[2]!],
    ...over,
  };
}

/** The fake city: what it publishes, and its boards. */
let published: { subjects: PublicBoardSubject[]; kinds: PublicBoardPeriodKind[] } | null;
let answer: (subject: PublicBoardSubject, date: string | null) => Board;
let offline = false;
const calls: URL[] = [];

function fakeFetch(input: RequestInfo | URL): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : input.toString(), 'http://city');
  calls.push(url);
  if (offline) {
    return Promise.reject(new TypeError('Failed to fetch'));
  }
  if (url.pathname !== '/api/v1/public/board') {
    return json(404, { error: { code: 'NOT_FOUND', message: url.pathname } });
  }
  const q = url.searchParams;
  const subject = (q.get('subject') ?? published?.subjects[0]) as PublicBoardSubject;
  const kind = (q.get('period') ?? published?.kinds[0]) as PublicBoardPeriodKind;
  if (!published?.subjects.includes(subject) || !published.kinds.includes(kind)) {
    return json(404, {
      error: { code: 'EVALUATION_BOARD_NOT_PUBLISHED', message: 'This board is not published' },
    });
  }
  return json(200, {
    ...answer(subject, q.get('date')),
    published: { subjects: published.subjects, periods: published.kinds },
  });
}

/** The board requests made, as query strings. */
const boardCalls = () => calls.map((u) => u.search);

function renderBoard(locale: Locale = 'zh-CN') {
  return render(
    <LocaleProvider initialLocale={locale}>
      <AntApp>
        <MemoryRouter initialEntries={['/portal?tab=board']}>
          <PublicBoard />
        </MemoryRouter>
      </AntApp>
    </LocaleProvider>,
  );
}

const tableRows = () =>
  [...document.querySelectorAll('[data-testid=board-table] tbody tr.ant-table-row')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()),
  );

beforeEach(() => {
  published = { subjects: ['street', 'unit'], kinds: ['month', 'quarter'] };
  answer = (subject, date) => monthBoard(subject, date);
  offline = false;
  calls.length = 0;
  vi.stubGlobal('fetch', vi.fn(fakeFetch));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('public performance board', () => {
  it('shows the latest period and its ranking: rank, name, score with one decimal, grade', async () => {
    renderBoard();
    await waitFor(() => expect(tableRows()).toHaveLength(3));
    expect(tableRows()).toEqual([
      ['1', '东城街道', '92.4', 'A'],
      ['2', '西城街道', '78.5', 'B'],
      ['3', '南城街道', '41.0', 'D'],
    ]);
    const period = screen.getByTestId('board-period');
    expect(period.textContent).toContain('2026年3月');
    expect(period.textContent).toContain('2026-03-01 至 2026-03-31');
    expect(within(screen.getByTestId('board-red')).getByText('东城街道')).toBeTruthy();
    expect(within(screen.getByTestId('board-yellow')).getByText('南城街道')).toBeTruthy();
    expect(within(screen.getByTestId('board-red')).queryByText('南城街道')).toBeNull();
  });

  it('offers only the subjects and periods the city publishes', async () => {
    renderBoard();
    await waitFor(() =>
      expect(within(screen.getByTestId('board-subjects')).getByText('单位')).toBeTruthy(),
    );
    const subjects = within(screen.getByTestId('board-subjects'));
    expect(subjects.getByText('街道')).toBeTruthy();
    for (const hidden of ['区', '社区', '网格']) {
      expect(subjects.queryByText(hidden)).toBeNull();
    }
    await waitFor(() =>
      expect(within(screen.getByTestId('board-kinds')).getByText('季')).toBeTruthy(),
    );
    const kinds = within(screen.getByTestId('board-kinds'));
    expect(kinds.getByText('月')).toBeTruthy();
    expect(kinds.queryByText('周')).toBeNull();
    expect(kinds.queryByText('年')).toBeNull();
  });

  it('steps back to the previous period by its last day, and forward no further than the latest', async () => {
    renderBoard();
    await waitFor(() => expect(tableRows()).toHaveLength(3));
    const next = () => screen.getByTestId<HTMLButtonElement>('board-next');
    expect(next().disabled).toBe(true);

    answer = (subject, date) =>
      monthBoard(subject, date, { ranked: [row(1, '北城街道', 88, 'B')], red: [], yellow: [] });
    fireEvent.click(screen.getByTestId('board-prev'));
    await waitFor(() => expect(screen.getByTestId('board-period').textContent).toContain('2月'));
    expect(boardCalls()).toEqual(['', '?subject=street&period=month&date=2026-02-28']);
    expect(tableRows()).toEqual([['1', '北城街道', '88.0', 'B']]);
    expect(within(screen.getByTestId('board-red')).getByText('本期无上榜')).toBeTruthy();

    await waitFor(() => expect(next().disabled).toBe(false));
    fireEvent.click(next());
    await waitFor(() => expect(screen.getByTestId('board-period').textContent).toContain('3月'));
    expect(tableRows()[0]).toEqual(['1', '东城街道', '92.4', 'A']);
    expect(next().disabled).toBe(true);
  });

  it('asks for the chosen subject in the same period', async () => {
    answer = (subject, date) =>
      monthBoard(subject, date, {
        ranked: subject === 'unit' ? [row(1, '区市容环卫中心', 95, 'A')] : STREETS,
      });
    renderBoard();
    await waitFor(() =>
      expect(within(screen.getByTestId('board-subjects')).getByText('单位')).toBeTruthy(),
    );
    fireEvent.click(within(screen.getByTestId('board-subjects')).getByText('单位'));
    await waitFor(() => expect(tableRows()).toEqual([['1', '区市容环卫中心', '95.0', 'A']]));
    expect(boardCalls().at(-1)).toBe('?subject=unit&period=month');
  });

  it('says calmly that the city publishes nothing, in the chosen language', async () => {
    published = null;
    renderBoard();
    expect(await screen.findByText('本市暂未公示此项')).toBeTruthy();
    expect(screen.queryByTestId('board-error')).toBeNull();
    expect(screen.queryByTestId('board-table')).toBeNull();

    renderBoard('en');
    expect(await screen.findByText('Not published')).toBeTruthy();
  });

  it('shows an empty state when nothing was ranked', async () => {
    answer = (subject, date) => monthBoard(subject, date, { ranked: [], red: [], yellow: [] });
    renderBoard();
    expect(await screen.findByText('本期暂无参与排名的对象')).toBeTruthy();
    expect(screen.getByTestId('board-period').textContent).toContain('2026年3月');
    expect(screen.queryByTestId('board-table')).toBeNull();
    expect(screen.queryByTestId('board-red')).toBeNull();
  });

  it('shows the counts when the city publishes them', async () => {
    answer = (subject, date) =>
      monthBoard(subject, date, {
        ranked: [
          {
            ...row(1, '东城街道', 92.4, 'A'),
            counts: { reported: 12, closed: 10, closed_on_time: 9 },
          },
        ],
      });
    renderBoard();
    await waitFor(() => expect(tableRows()).toHaveLength(1));
    const head = document.querySelector('[data-testid=board-table] thead')!.textContent;
    expect(head).toContain('上报数');
    expect(head).toContain('按期结案数');
    expect(tableRows()[0]).toEqual(['1', '东城街道', '92.4', 'A', '12', '10', '9']);
  });

  it('says when the server cannot be reached, and tries again', async () => {
    offline = true;
    renderBoard();
    const error = await screen.findByTestId('board-error');
    expect(error.textContent).toContain('无法连接服务器');
    offline = false;
    fireEvent.click(within(error).getByRole('button'));
    await waitFor(() => expect(tableRows()).toHaveLength(3));
  });
});
