import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Component and unit tests of the console, in jsdom; part of `npm test` (a root vitest project).
export default defineConfig({
  resolve: {
    alias: {
      '@common': here('../common/src'),
      '@web': here('./src'),
    },
  },
  test: {
    name: 'web',
    root: here('.'),
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    setupFiles: [here('./src/test/setup.ts')],
    css: false,
    testTimeout: 30_000,
  },
});
