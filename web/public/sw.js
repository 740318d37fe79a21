/*
 * cityloop service worker (hand-written; registered by the inspector app in production builds).
 *
 * Keeps the console's app shell so the inspector app opens without a network:
 * - pages: network first, the last index.html when offline;
 * - /assets/* (hashed, immutable): cache first; the entry files are cached on install and the
 *   page sends the chunks it already loaded (message 'cache-urls');
 * - a few reference answers every user of the city shares (console settings, matters, stage
 *   limits, region outlines): network first, the last answer when offline.
 * Everything else, API writes and the live event stream included, goes to the network as is.
 * Personal data (tasks, the report queue) is kept by the app in IndexedDB, not here.
 */
const VERSION = 'v1';
const SHELL = `cityloop-shell-${VERSION}`;
const ASSETS = `cityloop-assets-${VERSION}`;
const DATA = `cityloop-data-${VERSION}`;
const INDEX = '/index.html';
const SHELL_FILES = ['/manifest.webmanifest', '/favicon.svg', '/icons/icon-192.png'];
const DATA_PATHS = [
  '/api/v1/console/config',
  '/api/v1/catalog/matters',
  '/api/v1/catalog/stage-limits',
  '/api/v1/space/regions/export',
];

/** The /assets/ files an index.html loads (entry script, its preloads, styles). */
function assetsOf(html) {
  const out = new Set();
  for (const m of html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) {
    out.add(m[1]);
  }
  return [...out];
}

async function cacheShell() {
  const shell = await caches.open(SHELL);
  const res = await fetch('/', { cache: 'no-cache' });
  if (!res.ok) {
    return;
  }
  const html = await res.clone().text();
  await shell.put(INDEX, res);
  await shell.addAll(SHELL_FILES).catch(() => undefined);
  const assets = await caches.open(ASSETS);
  await assets.addAll(assetsOf(html)).catch(() => undefined);
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  const keep = new Set([SHELL, ASSETS, DATA]);
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((n) => n.startsWith('cityloop-') && !keep.has(n))
            .map((n) => caches.delete(n)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

// The page lists the chunks it loaded before this worker controlled it.
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'cache-urls' || !Array.isArray(data.urls)) {
    return;
  }
  const urls = data.urls.filter((u) => {
    try {
      const url = new URL(u, self.location.origin);
      return url.origin === self.location.origin && url.pathname.startsWith('/assets/');
    } catch {
      return false;
    }
  });
  event.waitUntil(
    caches.open(ASSETS).then(async (cache) => {
      for (const u of urls) {
        if (!(await cache.match(u))) {
          await cache.add(u).catch(() => undefined);
        }
      }
    }),
  );
});

async function page(request) {
  try {
    const res = await fetch(request);
    const type = res.headers.get('content-type') || '';
    if (res.ok && type.includes('text/html')) {
      const shell = await caches.open(SHELL);
      await shell.put(INDEX, res.clone());
    }
    return res;
  } catch (err) {
    const cached = await caches.match(INDEX);
    if (cached) {
      return cached;
    }
    throw err;
  }
}

async function asset(request) {
  const cached = await caches.match(request);
  if (cached) {
    return cached;
  }
  const res = await fetch(request);
  if (res.ok) {
    const cache = await caches.open(ASSETS);
    await cache.put(request, res.clone());
  }
  return res;
}

async function data(request) {
  try {
    const res = await fetch(request);
    if (res.ok) {
      const cache = await caches.open(DATA);
      await cache.put(request, res.clone());
    }
    return res;
  } catch (err) {
    const cached = await caches.match(request, { cacheName: DATA });
    if (cached) {
      return cached;
    }
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate') {
    if (!url.pathname.startsWith('/api/') && !url.pathname.startsWith('/open311/')) {
      event.respondWith(page(request));
    }
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(asset(request));
    return;
  }
  if (DATA_PATHS.includes(url.pathname)) {
    event.respondWith(data(request));
  }
});
