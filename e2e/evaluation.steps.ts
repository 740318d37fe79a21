import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApiClient } from './support/api';
import { DESKTOP, PHONE, horizontalOverflow, shoot, watchErrors } from './support/browser';
import { signIn } from './support/field';
import { DEMO_PASSWORD } from './support/server';
import type { WorkspaceRun } from './workspaces.steps';

/**
 * The evaluation page (registered by loop.e2e.ts on the loop's server, after the loop closed
 * its case): the bureau leader opens 考核评价, finds the unit that handled the loop's case, opens
 * the cases behind its handling rate and lands on the case, sees the ranking, and downloads the
 * monthly report.
 */
export function registerEvaluationTests(run: () => WorkspaceRun): void {
  describe('evaluation', () => {
    it('the bureau leader drills from a unit’s handling rate to the loop’s case, and downloads the report', async () => {
      const { browser, url, caseId, caseNumber } = run();
      const api = await ApiClient.login(url, 'bureau');
      const { unitId } = await api.get<{ unitId: string | null }>(`/api/v1/cases/${caseId}`);
      expect(unitId).toBeTruthy();
      const ctx = await browser.newContext({
        viewport: DESKTOP,
        locale: 'zh-CN',
        acceptDownloads: true,
      });
      const p = await ctx.newPage();
      const errors = watchErrors(p);
      await signIn(p, url, 'bureau', DEMO_PASSWORD);
      // The bureau leader lands on the command centre (a full-screen page without the menu).
      await p.goto(`${url}/evaluation`);
      expect(await p.getByTestId('page-title').textContent()).toBe('考核评价');
      await p.getByTestId('nav-evaluation').waitFor();
      const row = p.locator(`[data-testid=indicator-table] tr[data-row-key="${unitId}"]`);
      await row.waitFor();
      const unitName = (await row.locator('td strong').first().textContent())!.trim();
      expect(unitName).not.toBe('');
      await shoot(p, 'evaluation-indicators');

      // The handling rate's numerator holds the loop's case; its number opens the case page.
      await p.getByTestId(`rate-handling_rate-${unitId}`).click();
      const drill = p.getByTestId('drill');
      await drill.waitFor();
      const link = drill.getByRole('link', { name: caseNumber });
      await link.waitFor();
      await shoot(p, 'evaluation-drill');
      await link.click();
      await p.waitForURL((u) => u.pathname === `/cases/${caseId}`);
      await p.getByTestId('case-page').waitFor();
      await p.goBack();

      // The ranking lists the unit among those ranked this month.
      await p.getByRole('tab', { name: '排名与红黄榜' }).click();
      await p.getByTestId('ranking').getByText(unitName, { exact: true }).waitFor();
      await shoot(p, 'evaluation-rankings');

      // The monthly report of this month downloads as a real workbook (a ZIP: "PK").
      await p.getByRole('tab', { name: '月度报告' }).click();
      const month = new Date().toISOString().slice(0, 7);
      await p.getByTestId('report-month').click();
      await p.keyboard.press('Control+A');
      await p.keyboard.type(month);
      await p.keyboard.press('Enter');
      const [file] = await Promise.all([
        p.waitForEvent('download'),
        p.getByTestId('report-xlsx').click(),
      ]);
      expect(file.suggestedFilename()).toBe(`cityloop-report-${month}.xlsx`);
      const bytes = readFileSync(await file.path());
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      expect(errors).toEqual([]);
      await ctx.close();

      // On a phone the page fits the width (the tables scroll inside).
      const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
      const m = await phone.newPage();
      await signIn(m, url, 'bureau', DEMO_PASSWORD);
      await m.goto(`${url}/evaluation`);
      await m.locator(`[data-testid=indicator-table] tr[data-row-key="${unitId}"]`).waitFor();
      await shoot(m, 'phone-evaluation');
      expect(await horizontalOverflow(m)).toBeLessThanOrEqual(0);
      await phone.close();
    });
  });
}
