/**
 * Makes the inspector app installable and able to open offline: links the web manifest and,
 * in production builds only, registers the hand-written service worker (/sw.js), then tells
 * it which chunks this page already loaded so they are kept too.
 */
export function installInspectorApp(): void {
  linkOnce('manifest', '/manifest.webmanifest');
  linkOnce('apple-touch-icon', '/icons/icon-192.png');
  if (
    !import.meta.env.PROD ||
    typeof navigator === 'undefined' ||
    !('serviceWorker' in navigator)
  ) {
    return;
  }
  navigator.serviceWorker
    .register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then((reg) => {
      const urls = performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((u) => new URL(u, location.origin).pathname.startsWith('/assets/'));
      reg.active?.postMessage({ type: 'cache-urls', urls });
    })
    .catch(() => undefined);
}

function linkOnce(rel: string, href: string): void {
  if (document.head.querySelector(`link[rel="${rel}"]`)) {
    return;
  }
  const link = document.createElement('link');
  link.rel = rel;
  link.href = href;
  document.head.appendChild(link);
}
