// Builds the web console (web/dist) that the server serves at `/`.
//   node scripts/build-web.mjs          build only when web/dist is missing or older than its
//                                       sources (npm start / npm run serve run this first)
//   node scripts/build-web.mjs --force  always build (npm run build)
// Without --force a failed build only warns: the API still starts, without the console.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const force = process.argv.includes('--force');
const SOURCES = [
  'web/src',
  'web/public',
  'web/index.html',
  'web/vite.config.ts',
  'web/package.json',
  'web/tsconfig.json',
  'common/src',
];
const BUILT = join(root, 'web/dist/index.html');

/** Newest modification time under a path (files and folders, recursively). */
function newest(path) {
  if (!existsSync(path)) {
    return 0;
  }
  const st = statSync(path);
  if (!st.isDirectory()) {
    return st.mtimeMs;
  }
  let max = st.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name !== 'node_modules') {
      max = Math.max(max, newest(join(path, name)));
    }
  }
  return max;
}

const builtAt = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;
const sourcesAt = Math.max(...SOURCES.map((p) => newest(join(root, p))));
if (!force && builtAt >= sourcesAt) {
  console.log('web console: web/dist is up to date');
  process.exit(0);
}
console.log(
  force ? 'web console: building' : 'web console: web/dist is missing or stale, building',
);
// Always a production build: a NODE_ENV=development or test in the caller's environment would
// otherwise give React's development bundle.
const r = spawnSync('npm', ['run', 'build', '--workspace', 'web'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
if (r.status !== 0) {
  const msg = 'web console: the build failed';
  if (force) {
    console.error(msg);
    process.exit(r.status ?? 1);
  }
  console.warn(
    `${msg}; ${builtAt > 0 ? 'serving the previous build' : 'the server starts without the console'}`,
  );
}
