import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ApiClient } from './support/api';
import { DESKTOP, horizontalOverflow, PHONE, settle, shoot, watchErrors } from './support/browser';
import { phoneContext, photoFile, searchSelect, signIn } from './support/field';
import { DEMO_PASSWORD } from './support/server';

/**
 * The command centre, the inspector's offline queue, the portal at desktop size and the admin,
 * on the loop's server (registered by loop.e2e.ts so the run starts one server). Each test
 * has its own browser context; screenshots go to e2e/screenshots/.
 */
export interface WorkspaceRun {
  url: string;
  browser: Browser;
  grids: { code: string; center: [number, number] }[];
  photo: Buffer;
  caseId: string;
  caseNumber: string;
  trackingNumber: string;
}

/** Everything on screen is inside the viewport: no scrolling either way. */
function fillsViewport(p: Page) {
  return p.evaluate(() => ({
    width: document.documentElement.scrollWidth - window.innerWidth,
    height: document.documentElement.scrollHeight - window.innerHeight,
  }));
}

export function registerWorkspaceTests(run: () => WorkspaceRun): void {
  describe('the command centre, the inspector app, the portal and the admin', () => {
    it('the command centre fills a 1920×1080 screen and follows events live (SSE)', async () => {
      const { browser, url, grids } = run();
      const ctx = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
      const p = await ctx.newPage();
      const errors = watchErrors(p);
      await signIn(p, url, 'bureau', DEMO_PASSWORD);
      expect(new URL(p.url()).pathname).toBe('/command');
      await p.getByTestId('command-centre').waitFor();
      await expect.poll(() => p.getByTestId('kpi-open-value').textContent()).toMatch(/^\d+$/);
      await p.getByTestId('command-map').locator('path.leaflet-interactive').first().waitFor();
      await p.getByTestId('feed-item').first().waitFor();
      await p.getByTestId('trend-chart').locator('svg').waitFor();
      expect(await fillsViewport(p)).toEqual({ width: 0, height: 0 });

      // A new report somewhere in the city: the feed shows it at once, the figures follow.
      await expect.poll(() => p.getByTestId('kpi-intake-value').textContent()).toMatch(/^\d+$/);
      const intakeBefore = Number(await p.getByTestId('kpi-intake-value').textContent());
      const clerk = await ApiClient.login(url, 'clerk');
      const created = await clerk.post<{ number: string }>('/api/v1/cases', {
        source: 'hotline',
        description: '秋实路公交站旁垃圾桶满溢',
        matterCode: '06010',
        lng: grids[4]!.center[0],
        lat: grids[4]!.center[1],
      });
      await p
        .locator(`[data-testid=feed-item][data-live=true][data-case-number="${created.number}"]`)
        .waitFor({ timeout: 15_000 });
      await expect
        .poll(() => p.getByTestId('kpi-intake-value').textContent(), { timeout: 15_000 })
        .toBe(String(intakeBefore + 1));
      await p.mouse.move(0, 0);
      await shoot(p, 'desktop-command');

      await p.getByTestId('lang-switch').getByText('EN').click();
      await expect
        .poll(() => p.getByTestId('big-title').textContent())
        .toBe('City Operations Command Centre');
      await p.getByText("Today's intake").waitFor();
      await shoot(p, 'desktop-command-en');
      await p.getByTestId('lang-switch').getByText('中文').click();
      await p.getByText('今日受理').waitFor();
      expect(errors).toEqual([]);
      await ctx.close();
    });

    it('the command centre stacks on a phone', async () => {
      const { browser, url, grids } = run();
      const ctx = await phoneContext(browser, grids[0]!.center);
      const p = await ctx.newPage();
      await signIn(p, url, 'chief', DEMO_PASSWORD);
      expect(new URL(p.url()).pathname).toBe('/command');
      await p.getByTestId('command-map').locator('path').first().waitFor();
      await p.getByTestId('feed-item').first().waitFor();
      await p.mouse.move(0, 0);
      await shoot(p, 'phone-command');
      expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
      await ctx.close();
    });

    it('the inspector reports offline; the queue sends it once when back online', async () => {
      const { browser, url, grids, photo } = run();
      const ctx = await phoneContext(browser, grids[2]!.center);
      const p = await ctx.newPage();
      const errors = watchErrors(p);
      await signIn(p, url, 'inspector', DEMO_PASSWORD);
      await p.getByTestId('inspector-tab-report').click();
      await p.getByTestId('inspector-report-form').waitFor();

      const description = '松风巷12号门前井盖缺失，离线上报测试';
      await p.getByTestId('report-description').fill(description);
      // Bad input: no photo and no place. Both say so; the description stays.
      await p.getByTestId('report-submit').click();
      await p.getByText('请拍摄至少一张现场照片').waitFor();
      await p.getByText('请使用定位或在地图上点选问题位置').first().waitFor();
      expect(await p.getByTestId('report-description').inputValue()).toBe(description);

      await p.getByTestId('report-photos-input').setInputFiles(photoFile(photo, 'cover.jpg'));
      await p.getByTestId('photo-thumb').waitFor();
      await p.getByTestId('report-place-gps').click();
      await p.getByTestId('report-grid').waitFor();
      await shoot(p, 'phone-inspector-report', { fullPage: false });

      // The network drops: the report is kept on the phone.
      await ctx.setOffline(true);
      await p.locator('[data-testid=inspector-app][data-online=false]').waitFor();
      await p.getByTestId('report-submit').click();
      await p.getByText('已保存，联网后自动发送').waitFor();
      await p.getByTestId('inspector-tab-queue').click();
      await p.locator('[data-testid=queue-item][data-status=pending]').waitFor();
      expect(await p.getByTestId('queue-item').count()).toBe(1);
      await shoot(p, 'phone-inspector-queue', { fullPage: false });

      // Back online: it is sent by itself, once.
      await ctx.setOffline(false);
      const sent = p.getByTestId('queue-sent-item').first();
      await sent.waitFor({ timeout: 20_000 });
      await expect.poll(() => p.getByTestId('queue-item').count()).toBe(0);
      const number = await sent.getAttribute('data-case-number');
      await shoot(p, 'phone-inspector-sent', { fullPage: false });
      const clerk = await ApiClient.login(url, 'clerk');
      const found = await clerk.get<{ items: { number: string; source: string }[] }>(
        `/api/v1/cases?q=${encodeURIComponent('离线上报测试')}`,
      );
      expect(found.items.map((c) => [c.number, c.source])).toEqual([[number, 'inspector']]);
      expect(errors).toEqual([]);

      // Installed, the app opens without a network: the service worker serves the app shell
      // and the phone's last inspector can go on reporting.
      const installed = await p.evaluate(() =>
        Promise.race([
          navigator.serviceWorker.ready.then(() => true),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 15_000)),
        ]),
      );
      expect(installed, 'the service worker is active (production build)').toBe(true);
      await ctx.setOffline(true);
      await p.goto(`${url}/inspector?tab=report`);
      await p.locator('[data-testid=inspector-app][data-online=false]').waitFor();
      await p.getByText('离线模式（刘志强）').waitFor();
      await p.getByTestId('inspector-report-form').waitFor();
      await shoot(p, 'phone-inspector-offline-start', { fullPage: false });
      await ctx.setOffline(false);
      await ctx.close();

      const desk = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
      const d = await desk.newPage();
      await signIn(d, url, 'inspector', DEMO_PASSWORD);
      await d.getByTestId('inspector-tasks').waitFor();
      await shoot(d, 'desktop-inspector', { fullPage: false });
      await desk.close();
    });

    it('the portal at desktop size', async () => {
      const { browser, url, trackingNumber } = run();
      const ctx = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
      const p = await ctx.newPage();
      await p.goto(`${url}/portal`);
      await p.getByTestId('public-report-form').waitFor();
      await shoot(p, 'desktop-portal');
      // Bad input: a tracking code that cannot be one.
      await p.getByTestId('portal-tabs').getByText('进度查询').click();
      await p.getByTestId('track-input').fill('12');
      await p.getByTestId('track-submit').click();
      await p.getByText('没有找到该查询码对应的反映').first().waitFor();
      expect(await p.getByTestId('track-input').inputValue()).toBe('12');
      await p.goto(`${url}/portal/track/${trackingNumber}`);
      await p.locator('[data-testid=track-view][data-status=closed]').waitFor();
      await shoot(p, 'desktop-portal-track');
      await ctx.close();
    });

    it('the admin: every section, with one bad input per form', async () => {
      const { browser, url, grids } = run();
      const ctx = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
      const p = await ctx.newPage();
      const errors = watchErrors(p);
      await signIn(p, url, 'admin', DEMO_PASSWORD);
      expect(new URL(p.url()).pathname).toBe('/admin/users');

      // Users: a username the server would refuse is caught at once; nothing typed is lost.
      await p.getByTestId('users-table').locator('tbody tr.ant-table-row').first().waitFor();
      await shoot(p, 'desktop-admin-users');
      await p.getByTestId('user-new').click();
      await p.getByTestId('field-username').fill('Bad Name');
      await p.getByTestId('field-display-name').fill('测试派遣员');
      await p.getByTestId('field-password').fill('e2e-password-1');
      await searchSelect(p, 'field-roles', '派遣员');
      // Close the roles list (Escape would close the drawer).
      await p.getByTestId('field-display-name').click();
      await p.getByTestId('user-save').click();
      // The rule is also the field's help text: wait for it as the field's error.
      await p
        .locator('.ant-form-item-explain-error')
        .filter({ hasText: '3–32 位小写字母、数字或 _ . -，以字母开头' })
        .first()
        .waitFor();
      expect(await p.getByTestId('field-display-name').inputValue()).toBe('测试派遣员');
      await p.getByTestId('field-username').fill('e2e.dispatcher');
      await p
        .locator('.ant-form-item-explain-error')
        .filter({ hasText: '3–32 位' })
        .waitFor({ state: 'detached' });
      await p.getByTestId('user-save').click();
      // The saved message, or (so that a failure says why) the form's error.
      const created = p.getByText('已创建用户 测试派遣员');
      await created
        .or(p.getByTestId('user-error'))
        .or(p.locator('.ant-form-item-explain-error'))
        .first()
        .waitFor();
      if (!(await created.isVisible())) {
        const why = await p.locator('[data-testid=user-form]').innerText();
        throw new Error(`the user was not created; the form says: ${why}`);
      }
      await p.getByTestId('users-table').getByText('e2e.dispatcher').waitFor();

      await p.goto(`${url}/admin/units`);
      await p.getByTestId('units-table').locator('tbody tr.ant-table-row').first().waitFor();
      await shoot(p, 'desktop-admin-units');

      // Regions and grids: a dry run lists every bad feature; a clean file is imported on confirm.
      await p.goto(`${url}/admin/space`);
      await p.getByTestId('import-grids').waitFor();
      const clerk = await ApiClient.login(url, 'clerk');
      const grid = await clerk.get<{
        code: string;
        communityCode: string;
        areaClass: string;
        geometry: unknown;
      }>(`/api/v1/space/grids/${grids[5]!.code}`);
      const good = {
        type: 'Feature',
        properties: {
          code: grid.code,
          communityCode: grid.communityCode,
          areaClass: grid.areaClass,
        },
        geometry: grid.geometry,
      };
      const bad = {
        type: 'FeatureCollection',
        features: [
          good,
          { type: 'Feature', properties: { code: '12345', areaClass: 'Z' }, geometry: null },
          {
            type: 'Feature',
            properties: { code: grid.code, areaClass: 'A' },
            geometry: grid.geometry,
          },
        ],
      };
      await p.getByTestId('import-grids-file').setInputFiles({
        name: 'grids-bad.geojson',
        mimeType: 'application/geo+json',
        buffer: Buffer.from(JSON.stringify(bad)),
      });
      const issues = p.getByTestId('import-grids-issues');
      await issues.waitFor();
      const featuresListed = await issues
        .locator('tbody tr.ant-table-row td:first-child')
        .evaluateAll((tds) => [...new Set(tds.map((td) => td.textContent))]);
      expect(featuresListed).toEqual(['第 2 个', '第 3 个']);
      await shoot(p, 'desktop-admin-space');
      await p.getByTestId('import-grids-file').setInputFiles({
        name: 'grids.geojson',
        mimeType: 'application/geo+json',
        buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [good] })),
      });
      await p.getByTestId('import-grids-ok').waitFor();
      await p.getByTestId('import-grids-confirm').click();
      await p.getByText('已导入：新增 0 个，更新 1 个。').waitFor();

      // Routing: a rule needs a unit.
      await p.goto(`${url}/admin/routing`);
      await p.getByTestId('rules-table').locator('tbody tr.ant-table-row').first().waitFor();
      await shoot(p, 'desktop-admin-routing');
      await p.getByTestId('rule-new').click();
      await p.getByTestId('rule-form').getByText('全部事项').click();
      await p.getByTestId('rule-save').click();
      await p.getByText('请选择处置单位').waitFor();
      await p.keyboard.press('Escape');

      // Time limits: an amount is required.
      await p.goto(`${url}/admin/limits`);
      await p.getByTestId('conditions-table').locator('tbody tr.ant-table-row').first().waitFor();
      await shoot(p, 'desktop-admin-limits');
      await p.getByTestId('limits-edit').first().click();
      await p.getByTestId('limit-A').locator('input').first().fill('');
      await p.getByTestId('limits-save').click();
      await p.getByText('请输入 1–100000 的整数').waitFor();
      await p.keyboard.press('Escape');

      // Calendar: a day needs its festival; the deadline preview counts working hours.
      await p.goto(`${url}/admin/calendar`);
      await p.getByTestId('calendar-day').first().waitFor();
      await p.getByTestId('preview-run').click();
      await p.getByTestId('preview-result').waitFor();
      await shoot(p, 'desktop-admin-calendar');
      const days = await p.getByTestId('calendar-day').count();
      await p.getByTestId('calendar-add-day').click();
      await p.getByTestId('calendar-save').click();
      await p.getByText('请输入节日名称').waitFor();
      expect(await p.getByTestId('calendar-day').count()).toBe(days + 1);

      // Evaluation: the 721 targets must add up to 100; the values stay as typed.
      await p.goto(`${url}/admin/evaluation`);
      await p.getByTestId('eval-save').waitFor();
      await shoot(p, 'desktop-admin-evaluation');
      await p.getByTestId('eval-enforcement').locator('input').fill('20');
      await p.getByTestId('eval-save').click();
      await p.getByText('三项合计须为 100').waitFor();
      expect(await p.getByTestId('eval-enforcement').locator('input').inputValue()).toBe('20');

      // Open311: a key needs a name; it is shown once.
      await p.goto(`${url}/admin/open311`);
      await p.getByTestId('open311-services').locator('tbody tr.ant-table-row').first().waitFor();
      await p.getByTestId('key-new').click();
      await p.getByTestId('key-create').waitFor();
      await settle(p);
      await p.getByTestId('key-create').click();
      await p.getByText('请输入客户端名称').waitFor();
      await p.getByTestId('key-name').fill('城市通 App');
      await p.getByTestId('key-create').click();
      await expect
        .poll(() => p.getByTestId('key-value').textContent())
        .toMatch(/cl311_[A-Za-z0-9_-]{8,}/);
      await shoot(p, 'desktop-admin-open311-key', { fullPage: false });
      await p.getByTestId('key-close').click();
      await p.getByTestId('key-value').waitFor({ state: 'hidden' });
      await p.getByTestId('keys-table').getByText('城市通 App').waitFor();
      await shoot(p, 'desktop-admin-open311');
      expect(errors).toEqual([]);
      await ctx.close();
    });

    it('the admin fits a phone', async () => {
      const { browser, url } = run();
      const ctx = await browser.newContext({
        viewport: PHONE,
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        locale: 'zh-CN',
      });
      const p = await ctx.newPage();
      await signIn(p, url, 'admin', DEMO_PASSWORD);
      for (const [path, name, ready] of [
        ['/admin/users', 'phone-admin-users', 'users-table'],
        ['/admin/calendar', 'phone-admin-calendar', 'calendar-day'],
        ['/admin/evaluation', 'phone-admin-evaluation', 'eval-save'],
      ] as const) {
        await p.goto(`${url}${path}`);
        await p.getByTestId(ready).first().waitFor();
        await shoot(p, name);
        expect(await horizontalOverflow(p), name).toBeLessThanOrEqual(0);
      }
      await ctx.close();
    });
  });
}
