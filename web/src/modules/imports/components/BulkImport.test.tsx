import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportJob } from '../../../api/imports.api';
import { LocaleProvider } from '../../i18n/components/LocaleProvider';
import { BulkImport } from './BulkImport';

const json = (status: number, body: unknown) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

function job(id: string, over: Partial<ImportJob> = {}): ImportJob {
  return {
    id,
    kind: 'hotline',
    dryRun: false,
    status: 'done',
    fileName: `${id}.csv`,
    format: 'csv',
    bytes: 2048,
    createdAt: '2026-11-23T01:00:00.000Z',
    startedAt: '2026-11-23T01:00:01.000Z',
    finishedAt: null,
    progress: { processed: 3, total: 3, percent: 100 },
    counts: { created: 3, duplicate: 0, rejected: 0 },
    error: null,
    resultsUrl: `/api/v1/imports/${id}/results.csv`,
    ...over,
  };
}

/** The fake server: the job list, and the answers of GET /imports/{id} in turn, per job. */
let listed: ImportJob[] = [];
let answers: Record<string, ImportJob[]> = {};
let uploadAnswer: () => Promise<Response> = () => json(202, job('new'));
const calls: { url: string; init?: RequestInit }[] = [];

function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = input instanceof Request ? input.url : input.toString();
  calls.push({ url, init });
  if (url === '/api/v1/imports') {
    return json(200, { items: listed });
  }
  if (url.startsWith('/api/v1/imports?')) {
    return uploadAnswer();
  }
  const m = /^\/api\/v1\/imports\/([^/?]+)$/.exec(url);
  if (m) {
    const queue = answers[m[1]!] ?? [];
    const next = queue.length > 1 ? queue.shift()! : queue[0];
    return next ? json(200, next) : json(404, { error: { code: 'IMPORT_JOB_NOT_FOUND' } });
  }
  return json(404, { error: { code: 'NOT_FOUND', message: url } });
}

const polls = (id: string) => calls.filter((c) => c.url === `/api/v1/imports/${id}`).length;

function renderPage() {
  return render(
    <LocaleProvider>
      <AntApp>
        <BulkImport />
      </AntApp>
    </LocaleProvider>,
  );
}

/**
 * Lets the fake server answer and React render, on real macrotasks: under fake timers
 * Testing Library's waitFor would wait on a faked setTimeout for ever.
 */
async function settle() {
  await act(async () => {
    for (let i = 0; i < 10; i++) {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  });
}

/** Moves the fake clock on by `ms` (running the polls due), then lets their answers land. */
async function tick(ms: number) {
  await act(() => vi.advanceTimersByTimeAsync(ms));
  await settle();
}

const row = (id: string) =>
  document.querySelector<HTMLElement>(`[data-testid=import-job][data-job-id="${id}"]`);

function chooseFile(file: File) {
  const input = document.querySelector<HTMLInputElement>(
    '[data-testid=import-form] input[type=file]',
  )!;
  fireEvent.change(input, { target: { files: [file] } });
}

beforeEach(() => {
  listed = [];
  answers = {};
  calls.length = 0;
  uploadAnswer = () => json(202, job('new'));
  vi.stubGlobal('fetch', vi.fn(fakeFetch));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('bulk import page', () => {
  it('lists the recent jobs newest first with kind, mode, status, progress and counts', async () => {
    listed = [
      job('j2', {
        createdAt: '2026-11-23T02:00:00.000Z',
        kind: 'cases',
        dryRun: true,
        fileName: '旧系统案件.xlsx',
        format: 'xlsx',
        counts: { created: 5, duplicate: 1, rejected: 2 },
        progress: { processed: 8, total: 8, percent: 100 },
      }),
      job('j1', {
        status: 'failed',
        progress: { processed: 0, total: 1, percent: 0 },
        counts: { created: 0, duplicate: 0, rejected: 0 },
        error: {
          code: 'IMPORT_HEADER_INVALID',
          message: 'The header row lacks the required columns: 经度',
          details: [
            { column: '经度', alias: 'lng' },
            { column: '纬度', alias: 'lat' },
          ],
        },
      }),
    ];
    renderPage();
    await waitFor(() => expect(row('j1')).not.toBeNull());
    const rows = screen.getAllByTestId('import-job');
    expect(rows.map((r) => r.getAttribute('data-job-id'))).toEqual(['j2', 'j1']);

    const done = within(row('j2')!);
    expect(done.getByText('旧系统案件.xlsx')).toBeTruthy();
    expect(done.getByText('历史案件')).toBeTruthy();
    expect(done.getByText('试运行')).toBeTruthy();
    expect(done.getByText('已完成')).toBeTruthy();
    expect(done.getByText('8 / 8 行')).toBeTruthy();
    // A dry run counts the rows it would create.
    expect(done.getByTestId('count-created').textContent).toBe('可新增 5');
    expect(done.getByTestId('count-duplicate').textContent).toBe('重复 1');
    expect(done.getByTestId('count-rejected').textContent).toBe('拒绝 2');

    expect(within(row('j1')!).getByText('失败')).toBeTruthy();
    expect(within(row('j1')!).getByText('正式导入')).toBeTruthy();
    // Why it failed, under the row: in words, with the code and the missing columns.
    expect(screen.getByText('表头缺少必填列，整个文件未导入。', { exact: false })).toBeTruthy();
    expect(screen.getByTestId('import-error-code').textContent).toBe('IMPORT_HEADER_INVALID');
    expect(screen.getByTestId('import-error-columns').textContent).toBe(
      '缺少的列：经度 (lng)、纬度 (lat)',
    );
    // Finished jobs are never polled.
    expect(polls('j1') + polls('j2')).toBe(0);
  });

  it('polls a running job once a second, updating its progress, and stops when it is done', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const running = job('run', {
      status: 'running',
      progress: { processed: 40, total: 100, percent: 40 },
      counts: { created: 38, duplicate: 0, rejected: 2 },
    });
    listed = [running, job('old', { createdAt: '2026-11-22T01:00:00.000Z' })];
    answers.run = [
      { ...running, progress: { processed: 70, total: 100, percent: 70 } },
      {
        ...running,
        status: 'done',
        progress: { processed: 100, total: 100, percent: 100 },
        counts: { created: 95, duplicate: 2, rejected: 3 },
      },
    ];
    renderPage();
    await settle();
    expect(row('run')?.getAttribute('data-percent')).toBe('40');
    expect(within(row('run')!).getByText('进行中')).toBeTruthy();
    expect(polls('run')).toBe(0);

    await tick(999);
    expect(polls('run')).toBe(0);
    await tick(1);
    expect(polls('run')).toBe(1);
    expect(row('run')?.getAttribute('data-percent')).toBe('70');
    expect(within(row('run')!).getByText('70 / 100 行')).toBeTruthy();

    await tick(1000);
    expect(polls('run')).toBe(2);
    expect(row('run')?.getAttribute('data-status')).toBe('done');
    const r = within(row('run')!);
    expect(row('run')!.getAttribute('data-percent')).toBe('100');
    expect(r.getByText('已完成')).toBeTruthy();
    expect(r.getByTestId('count-created').textContent).toBe('新增 95');
    expect(r.getByTestId('count-duplicate').textContent).toBe('重复 2');
    expect(r.getByTestId('count-rejected').textContent).toBe('拒绝 3');

    // Done: no more requests, however long the page stays open; the finished job never was.
    await tick(10_000);
    expect(polls('run')).toBe(2);
    expect(polls('old')).toBe(0);
  });

  it('stops polling when the page is left', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const queued = job('q', {
      status: 'queued',
      progress: { processed: 0, total: null, percent: 0 },
    });
    listed = [queued];
    answers.q = [queued];
    const view = renderPage();
    await settle();
    expect(within(row('q')!).getByText('排队中')).toBeTruthy();
    expect(within(row('q')!).getByText('已处理 0 行')).toBeTruthy();
    await tick(1000);
    await tick(1000);
    expect(polls('q')).toBe(2);
    view.unmount();
    await vi.advanceTimersByTimeAsync(10_000);
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(polls('q')).toBe(2);
  });

  it('checks the file before sending it: none, wrong extension, too large', async () => {
    renderPage();
    const submit = await screen.findByTestId('import-submit');
    // The dry run is on by default, and the button says so.
    expect(submit.textContent).toContain('开始试运行');

    fireEvent.click(submit);
    expect(await screen.findByText('请选择要导入的文件')).toBeTruthy();

    chooseFile(new File(['x'], '工单.xls', { type: 'application/vnd.ms-excel' }));
    expect(
      await screen.findByText('只支持 .xlsx 或 .csv 文件；旧版 .xls 请先在 Excel 中另存为 .xlsx'),
    ).toBeTruthy();

    const huge = new File(['x'], '工单.csv', { type: 'text/csv' });
    Object.defineProperty(huge, 'size', { value: 250 * 1024 * 1024 });
    chooseFile(huge);
    expect(
      await screen.findByText('文件大小为 250.0 MB，超过 200 MB 上限；请拆分成几个文件分批导入'),
    ).toBeTruthy();
    fireEvent.click(submit);
    await act(() => Promise.resolve());
    expect(calls.some((c) => c.url.startsWith('/api/v1/imports?'))).toBe(false);
  });

  it("shows the server's refusal with its code, then uploads a good file and lists the job", async () => {
    uploadAnswer = () =>
      json(415, {
        error: {
          code: 'IMPORT_FILE_TYPE_UNSUPPORTED',
          message: 'Send an .xlsx workbook or a CSV file',
        },
      });
    renderPage();
    await screen.findByTestId('import-submit');
    fireEvent.click(screen.getByText('开始试运行').closest('button')!);
    expect(await screen.findByText('请选择要导入的文件')).toBeTruthy();

    chooseFile(new File(['\u0000\u0001binary'], 'orders.csv', { type: 'text/csv' }));
    await waitFor(() => expect(screen.queryByText('请选择要导入的文件')).toBeNull());
    fireEvent.click(screen.getByTestId('import-submit'));
    const alert = await screen.findByTestId('import-upload-error');
    expect(within(alert).getByText('上传失败')).toBeTruthy();
    expect(
      within(alert).getByText(/服务器无法识别该文件：只支持 \.xlsx 工作簿或 CSV 文本/),
    ).toBeTruthy();
    expect(within(alert).getByTestId('import-error-code').textContent).toBe(
      '415 IMPORT_FILE_TYPE_UNSUPPORTED',
    );

    // A real import of historical cases this time.
    uploadAnswer = () =>
      json(
        202,
        job('fresh', {
          kind: 'cases',
          status: 'queued',
          fileName: 'orders.csv',
          progress: { processed: 0, total: null, percent: 0 },
          counts: { created: 0, duplicate: 0, rejected: 0 },
          createdAt: '2026-11-24T00:00:00.000Z',
        }),
      );
    fireEvent.click(screen.getByRole('radio', { name: '历史案件' }));
    fireEvent.click(screen.getByTestId('import-dry-run'));
    await waitFor(() =>
      expect(screen.getByTestId('import-submit').textContent).toContain('开始导入'),
    );
    fireEvent.click(screen.getByTestId('import-submit'));
    await waitFor(() => expect(row('fresh')).not.toBeNull());
    expect(screen.queryByTestId('import-upload-error')).toBeNull();
    const upload = calls.filter((c) => c.url.startsWith('/api/v1/imports?')).at(-1)!;
    expect(upload.url).toBe('/api/v1/imports?kind=cases&dryRun=false');
    expect(upload.init?.method).toBe('POST');
    const form = upload.init?.body as FormData;
    expect((form.get('file') as File).name).toBe('orders.csv');
    expect(within(row('fresh')!).getByText('排队中')).toBeTruthy();
  });
});
