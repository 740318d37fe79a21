import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appError } from '../lib/app-error';

/** The built web console (npm run build): web/dist at the repository root. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Paths that belong to APIs: never answered with the console's index.html. */
const API_PREFIXES = ['/api', '/open311'];

function isApiPath(path: string): boolean {
  return API_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the built console at `/`: its files (hashed assets cached for a year, index.html never
 * cached), and index.html for every other GET path outside the APIs so client-side routes
 * (/cases/123) load the app. Does nothing when the console has not been built.
 * @returns whether the console is served
 */
export async function registerWebConsole(
  app: FastifyInstance,
  distDir: string = WEB_DIST_DIR,
): Promise<boolean> {
  const root = resolve(distDir);
  if (!existsSync(resolve(root, 'index.html'))) {
    return false;
  }
  await app.register(fastifyStatic, { root, serve: false });
  const sendIndex = (reply: FastifyReply) =>
    reply
      .header('cache-control', 'no-cache')
      .header('x-content-type-options', 'nosniff')
      .header('x-frame-options', 'SAMEORIGIN')
      .header('referrer-policy', 'same-origin')
      .sendFile('index.html', root, { cacheControl: false });

  app.get('/*', { config: { auth: 'public' }, schema: { hide: true } }, (req, reply) => {
    let path: string;
    try {
      path = decodeURIComponent(req.url.split('?')[0] ?? '/');
    } catch {
      throw appError('ROUTE_NOT_FOUND', 'Malformed path');
    }
    if (isApiPath(path)) {
      throw appError('ROUTE_NOT_FOUND', `No route GET ${path}`);
    }
    const rel = path.replace(/^\/+/, '');
    const file = resolve(root, rel);
    if (rel && file.startsWith(root + sep) && isFile(file)) {
      const immutable = rel.startsWith('assets/');
      if (rel === 'index.html') {
        return sendIndex(reply);
      }
      return reply.sendFile(rel, root, {
        cacheControl: true,
        immutable,
        maxAge: immutable ? '365d' : '1h',
      });
    }
    // A missing file (an old chunk, a typo): a 404, not a page that fails to parse as a script.
    if (extname(rel) !== '' || rel.startsWith('assets/')) {
      throw appError('ROUTE_NOT_FOUND', `No file ${path}`);
    }
    return sendIndex(reply);
  });
  return true;
}
