// Runs the whole suite on SQLite, then (when TEST_DATABASE_URL is set) the store-touching
// tests (*.db.test.ts, *.api.test.ts) again on PostgreSQL, each file in its own schema.
// Prints one closing line "N passed, N failed" over both runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const extra = process.argv.slice(2);
const runs = [{ dialect: 'sqlite', filter: [] }];
if (process.env.TEST_DATABASE_URL) {
  runs.push({ dialect: 'postgres', filter: ['.db.test.ts', '.api.test.ts'] });
}

let passed = 0;
let failed = 0;
let status = 0;
const dir = mkdtempSync(join(tmpdir(), 'cityloop-test-'));
for (const run of runs) {
  const out = join(dir, `${run.dialect}.json`);
  console.log(`\n=== tests on ${run.dialect} ===`);
  const r = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
      ...run.filter,
      ...extra,
    ],
    { stdio: 'inherit', env: { ...process.env, TZ: 'UTC', TEST_DIALECT: run.dialect } },
  );
  try {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    if (report.numTotalTests === 0) {
      status = 1;
    }
  } catch {
    status = 1;
  }
  if (r.status !== 0) {
    status = r.status ?? 1;
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(status);
