import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// One suite, two stores: TEST_DIALECT picks the store the *.db/*.api tests run on
// (the kysely way). scripts/test.mjs runs it once per store.
export default defineConfig({
  resolve: {
    alias: {
      '@server': `${root}server/src`,
      '@common': `${root}common/src`,
    },
  },
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          include: [
            'server/src/**/*.test.ts',
            'common/src/**/*.test.ts',
            'server/test/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      // The web console's unit and component tests (jsdom); the browser e2e run is separate.
      'web/vitest.config.ts',
    ],
  },
});
