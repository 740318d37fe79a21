import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DESKTOP, horizontalOverflow, shoot, watchErrors } from './support/browser';
import { signIn } from './support/field';
import { DEMO_PASSWORD } from './support/server';
import type { WorkspaceRun } from './workspaces.steps';

/** One CSV file of hotline orders (UTF-8 with a BOM, as Excel writes it). */
function csvFile(name: string, rows: (string | number)[][]) {
  const text = rows.map((r) => r.map(String).join(',')).join('\r\n');
  return { name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${text}\r\n`, 'utf8') };
}

/** The newest job's row once `n` jobs are listed, and when it has finished. */
async function newestJob(p: Page, n: number, status: 'done' | 'failed') {
  await expect.poll(() => p.getByTestId('import-job').count(), { timeout: 15_000 }).toBe(n);
  const row = p.getByTestId('import-job').first();
  await expect.poll(() => row.getAttribute('data-status'), { timeout: 30_000 }).toBe(status);
  return row;
}

const countOf = async (row: ReturnType<Page['locator']>, which: string) =>
  Number(await row.getByTestId(`count-${which}`).getAttribute('data-count'));

/**
 * Bulk import in the console (registered by loop.e2e.ts on the loop's server): the clerk
 * opens 批量导入 from the menu, a file with a bad header fails naming the column, a dry run
 * of hotline orders judges every row and creates nothing, the real run creates the good
 * rows and rejects the bad one, and the per-row results download.
 */
export function registerImportTests(run: () => WorkspaceRun): void {
  describe('bulk import', () => {
    it('the clerk imports 12345 orders from a CSV: dry run, then for real, with per-row results', async () => {
      const { browser, url, grids } = run();
      const ctx = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
      const p = await ctx.newPage();
      const errors = watchErrors(p);
      await signIn(p, url, 'clerk', DEMO_PASSWORD);
      await p.getByTestId('nav-imports').click();
      await p.waitForURL((u) => u.pathname === '/imports');
      await p.getByTestId('import-form').waitFor();
      expect(await p.getByTestId('page-title').textContent()).toBe('批量导入');

      // Bad input 1: no file. Bad input 2: a legacy .xls. Neither is sent.
      await p.getByTestId('import-submit').click();
      await p.getByText('请选择要导入的文件').waitFor();
      const fileInput = p.locator('[data-testid=import-form] input[type=file]');
      await fileInput.setInputFiles({
        name: '工单.xls',
        mimeType: 'application/vnd.ms-excel',
        buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      });
      await p.getByText('只支持 .xlsx 或 .csv 文件').waitFor();
      await p.getByTestId('import-submit').click();
      expect(await p.getByTestId('import-job').count()).toBe(0);

      // The template downloads with the session.
      const [template] = await Promise.all([
        p.waitForEvent('download'),
        p.getByTestId('import-template-hotline').click(),
      ]);
      expect(template.suggestedFilename()).toBe('cityloop-hotline-template.xlsx');
      expect(
        readFileSync(await template.path())
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');

      const [e1lng, e1lat] = grids[0]!.center;
      const [e2lng, e2lat] = grids[1]!.center;
      const stamp = Date.now().toString(36).toUpperCase();

      // A header without 经度: the job fails as a whole and says which column is missing.
      await fileInput.setInputFiles(
        csvFile('缺列.csv', [
          ['工单编号', '诉求类型', '诉求内容', '纬度'],
          [`E2E-${stamp}-0`, '投诉', '缺少经度列的文件', e1lat],
        ]),
      );
      await p.getByTestId('import-submit').click();
      const failed = await newestJob(p, 1, 'failed');
      await p.getByTestId('import-error-columns').getByText('缺少的列：经度 (lng)').waitFor();
      expect(await failed.getAttribute('data-percent')).toBe('0');

      const orders = csvFile('12345工单-11月.csv', [
        [
          '工单编号',
          '诉求类型',
          '来电人',
          '来电号码',
          '诉求内容',
          '事发地址',
          '经度',
          '纬度',
          '事项编码',
        ],
        [
          `E2E-${stamp}-1`,
          '投诉',
          '王女士',
          '13812345678',
          '春晖社区东门垃圾桶满溢无人清运',
          '春晖社区东门',
          e1lng,
          e1lat,
          '06010',
        ],
        [
          `E2E-${stamp}-2`,
          '求助',
          '张先生',
          '13900001111',
          '秋实路口绿化带里堆了建筑垃圾',
          '秋实路口',
          e2lng,
          e2lat,
          '06010',
        ],
        [`E2E-${stamp}-3`, '投诉', '', '', '编码写错的工单', '', e1lng, e1lat, '99-99'],
      ]);

      // The dry run (on by default) judges every row and creates nothing.
      expect(await p.getByTestId('import-submit').textContent()).toContain('开始试运行');
      await fileInput.setInputFiles(orders);
      await p.getByTestId('import-submit').click();
      const dry = await newestJob(p, 2, 'done');
      expect(await dry.getByTestId('count-created').textContent()).toBe('可新增 2');
      expect(await countOf(dry, 'rejected')).toBe(1);

      // Then for real.
      await p.getByTestId('import-dry-run').click();
      expect(await p.getByTestId('import-submit').textContent()).toContain('开始导入');
      await fileInput.setInputFiles(orders);
      await p.getByTestId('import-submit').click();
      const real = await newestJob(p, 3, 'done');
      expect(await real.getAttribute('data-percent')).toBe('100');
      expect(await real.getByTestId('count-created').textContent()).toBe('新增 2');
      expect(await countOf(real, 'duplicate')).toBe(0);
      expect(await countOf(real, 'rejected')).toBe(1);
      expect(await real.getByTestId('job-rows').textContent()).toBe('3 / 3 行');

      const [results] = await Promise.all([
        p.waitForEvent('download'),
        real.getByTestId('job-results').click(),
      ]);
      expect(results.suggestedFilename()).toBe('12345工单-11月-results.csv');
      const lines = readFileSync(await results.path(), 'utf8')
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r\n/);
      expect(lines[0]).toBe('row,status,case_number,case_id,reason');
      expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
        '2,created',
        '3,created',
        '4,rejected',
      ]);
      expect(lines[1]!.split(',')[2]).toMatch(/^\d{13}$/);
      expect(lines[3]).toMatch(/CATALOG_CODE_\w+/);

      // The page as it rests: the upload toasts gone, the pointer off the table.
      await expect
        .poll(() => p.locator('.ant-message-notice').count(), { timeout: 10_000 })
        .toBe(0);
      await p.mouse.move(0, 0);
      await shoot(p, 'desktop-imports');
      expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);

      await p.getByTestId('lang-switch').getByText('EN').click();
      await expect.poll(() => p.getByTestId('page-title').textContent()).toBe('Bulk import');
      await expect.poll(() => real.getByTestId('count-created').textContent()).toBe('Created 2');
      await shoot(p, 'desktop-imports-en');
      await p.getByTestId('lang-switch').getByText('中文').click();
      expect(errors).toEqual([]);
      await ctx.close();
    });
  });
}
