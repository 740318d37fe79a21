import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';

/** Where the run writes its screenshots (gitignored). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../screenshots', import.meta.url));

export const DESKTOP = { width: 1920, height: 1080 };
export const PHONE = { width: 390, height: 844 };

/** Debian's Chromium, headless, with nothing that talks to the internet. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Saves a full-page screenshot as e2e/screenshots/<name>.png (`fullPage: false`: the viewport
 * only, for pages with fixed bars such as the inspector app).
 */
export async function shoot(
  page: Page,
  name: string,
  opts: { fullPage?: boolean } = {},
): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // Let maps and charts settle, and fonts load.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(400);
  await page.screenshot({ path, fullPage: opts.fullPage ?? true });
  return path;
}

/** Width the page overflows the viewport by (0 when nothing sticks out sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/** Collects page errors and failed API calls other than the expected ones. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 500) {
      errors.push(`${r.status()} ${r.url()}`);
    }
  });
  return errors;
}

/**
 * Keeps the page's last API calls (method, path, status, or the failure) so that a failed step
 * can print what the page asked the server and what it answered.
 */
export function watchApiCalls(page: Page, keep = 20): string[] {
  const calls: string[] = [];
  /** The path and query of a request to the API, or null for anything else. */
  const apiPath = (r: Request): string | null => {
    const u = new URL(r.url());
    return u.pathname.startsWith('/api/') ? `${u.pathname}${u.search}` : null;
  };
  const push = (r: Request, what: string) => {
    const path = apiPath(r);
    if (path === null) {
      return;
    }
    calls.push(`${new Date().toISOString().slice(11, 23)} ${r.method()} ${path} ${what}`);
    if (calls.length > keep) {
      calls.shift();
    }
  };
  page.on('request', (r) => {
    if (r.method() !== 'GET') {
      push(r, 'sent');
    }
  });
  page.on('requestfinished', (r) => {
    void r.response().then((res) => push(r, String(res?.status() ?? '?')));
  });
  page.on('requestfailed', (r) => push(r, `failed: ${r.failure()?.errorText ?? '?'}`));
  return calls;
}

/**
 * Waits until the page's finite animations have finished (a dropdown or modal that has just
 * opened is still zooming or sliding in). On a busy machine a click during that motion was
 * seen to be lost; a user clicks after it. Endless animations (spinners) are not waited for.
 */
export async function settle(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every(
            (a) =>
              a.playState === 'finished' || a.effect?.getComputedTiming().iterations === Infinity,
          ),
      null,
      { timeout: 5_000, polling: 50 },
    )
    .catch(() => undefined);
}
