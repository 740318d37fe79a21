// npm run audit:verify — checks every case's event hash chain in the configured store and
// names the first broken link. Exit 0 when intact, 1 when broken, 2 on a configuration error.
import { loadConfig } from '../../config/config';
import { createDb } from '../../db/db';
import { migrateToLatest } from '../../db/migrate';
import { verifyAllChains } from './audit.service';

const config = loadConfig();
const store = createDb({
  kind: config.db.kind,
  url: config.db.url,
  sqliteFile: config.db.sqliteFile,
});
try {
  await migrateToLatest(store);
  const report = await verifyAllChains(store.db);
  if (report.broken.length === 0) {
    console.log(
      `audit: OK — ${report.cases} cases, ${report.events} events, every hash chain intact`,
    );
  } else {
    const first = report.broken[0]!;
    console.error(
      `audit: BROKEN — first broken link: case ${first.caseId}, event #${first.seq} (${first.eventId}): ${first.problem}`,
    );
    console.error(`audit: ${report.broken.length} of ${report.cases} cases have a broken chain`);
    process.exitCode = 1;
  }
} finally {
  await store.destroy();
}
