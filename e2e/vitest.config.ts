import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

// Browser tests (npm run test:e2e): the real server with the built console, driven through
// Debian's Chromium with playwright-core. Never part of `npm test`.
export default defineConfig({
  resolve: { alias: { '@common': `${root}common/src` } },
  test: {
    root,
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
