import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PHONE } from './browser';

/**
 * Page drivers of the field workspaces: the public portal and the inspector's mobile app.
 * The loop test and the workspace tests use them; each step waits for what the user sees.
 */

/** A phone (390×844, touch) whose GPS reports `at` ([lng, lat]). */
export function phoneContext(
  browser: Browser,
  at: readonly [number, number],
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    geolocation: { longitude: at[0], latitude: at[1], accuracy: 12 },
    permissions: ['geolocation'],
  });
}

/** A JPEG as the file chooser hands it over. */
export const photoFile = (buffer: Buffer, name = 'photo.jpg') => ({
  name,
  mimeType: 'image/jpeg',
  buffer,
});

/**
 * Picks an option of an antd Select with search: types `text`, clicks the option that contains
 * it, and checks the select now shows it. A busy machine can re-render the list under the
 * click; then, as a user would, it picks again (never twice once chosen: in a multiple select
 * a second click would take the choice back).
 */
export async function searchSelect(p: Page, testId: string, text: string): Promise<void> {
  const select = p.getByTestId(testId);
  const chosen = async () => (await select.innerText()).includes(text);
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await select.locator('input').first().fill(text);
    const option = p
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: text })
      .first();
    await option.waitFor();
    await option.click();
    for (let i = 0; i < 20 && !(await chosen()); i++) {
      await p.waitForTimeout(150);
    }
    if ((await chosen()) || attempt === 3) {
      return;
    }
  }
}

/** Signs in on the login page of this context and waits for the landing page. */
export async function signIn(
  p: Page,
  base: string,
  username: string,
  password: string,
): Promise<void> {
  await p.goto(`${base}/login`);
  await p.locator('#username').fill(username);
  await p.locator('#password').fill(password);
  await p.locator('[data-testid=login-form] button[type=submit]').click();
  await p.waitForURL((u) => !u.pathname.startsWith('/login') && u.pathname !== '/');
}

/** The inspector's task card of a case (in the task list of the app). */
export function taskCard(p: Page, caseNumber: string, task: 'verify' | 'check') {
  return p.locator(
    `[data-testid=inspector-task][data-case-number="${caseNumber}"][data-task=${task}]`,
  );
}

/** Opens the inspector app's task list and waits for a case's task to be listed. */
export async function openTask(
  p: Page,
  base: string,
  caseNumber: string,
  task: 'verify' | 'check',
) {
  await p.goto(`${base}/inspector`);
  const card = taskCard(p, caseNumber, task);
  // The task arrives with the case's event; the list refreshes on the live stream.
  for (let i = 0; i < 3 && (await card.count()) === 0; i++) {
    await card.waitFor({ timeout: 8_000 }).catch(() => p.reload());
  }
  await card.waitFor();
  await card.getByTestId('task-open').click();
  await p.locator(`[data-testid=task-detail][data-case-number="${caseNumber}"]`).waitFor();
  await p.locator('[data-testid=task-detail][data-state]').waitFor();
}

/** Submits the open task's form and waits until the app is back on the task list. */
export async function submitTask(p: Page): Promise<void> {
  await p.getByTestId('task-submit').click();
  await p.getByTestId('inspector-tasks').waitFor({ timeout: 20_000 });
}
