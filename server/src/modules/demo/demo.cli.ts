/**
 * Builds a demo city of any size.
 *
 *   npm run demo:generate -- --grids 100000 [--seed 20261121] [--password secret-pw]
 *       seeds the configured store (DATA_DIR / DATABASE_URL), which must hold no grids yet
 *   npm run demo:generate -- --grids 100000 --out ./data/demo
 *       writes regions.geojson, grids.geojson, components.geojson and organisation.json
 *       (the space import format) without touching any store
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { ConfigError, loadConfig } from '../../config/config';
import { createDb } from '../../db/db';
import { migrateToLatest } from '../../db/migrate';
import { systemClock } from '../../lib/clock';
import { createServices } from '../../services';
import {
  componentFeature,
  generateComponents,
  generateDemoCity,
  gridFeatureCollection,
  regionFeatureCollection,
  type DemoCity,
} from './demo-city';
import { demoAccountSpecs, demoRouting, demoUnits } from './demo-org';
import { seedDemoCity } from './demo-seed';

const USAGE = 'usage: npm run demo:generate -- [--grids N] [--seed S] [--password P] [--out DIR]';

function parse() {
  const { values } = parseArgs({
    options: {
      grids: { type: 'string' },
      seed: { type: 'string' },
      password: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (v: string | undefined, name: string): number | undefined => {
    if (v === undefined) {
      return undefined;
    }
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) {
      console.error(`--${name} must be a non-negative integer\n${USAGE}`);
      process.exit(2);
    }
    return n;
  };
  return {
    grids: int(values.grids, 'grids'),
    seed: int(values.seed, 'seed'),
    password: values.password,
    out: values.out,
  };
}

/** Writes a FeatureCollection one feature per line, honouring back-pressure. */
async function writeCollection(path: string, features: Iterable<unknown>): Promise<number> {
  const out = createWriteStream(path, 'utf8');
  let n = 0;
  out.write('{"type":"FeatureCollection","features":[\n');
  for (const f of features) {
    if (!out.write(`${n++ ? ',\n' : ''}${JSON.stringify(f)}`)) {
      await once(out, 'drain');
    }
  }
  out.end('\n]}\n');
  await once(out, 'finish');
  return n;
}

async function writeFiles(city: DemoCity, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const regions = await writeCollection(
    join(dir, 'regions.geojson'),
    regionFeatureCollection(city).features,
  );
  const grids = await writeCollection(
    join(dir, 'grids.geojson'),
    gridFeatureCollection(city).features,
  );
  const components = await writeCollection(
    join(dir, 'components.geojson'),
    (function* () {
      for (const c of generateComponents(city)) {
        yield componentFeature(c);
      }
    })(),
  );
  writeFileSync(
    join(dir, 'organisation.json'),
    `${JSON.stringify(
      {
        units: demoUnits(city),
        routing: demoRouting(city),
        accounts: demoAccountSpecs(city).map(({ inspectorGrids, ...a }) => ({
          ...a,
          inspectorGrids: inspectorGrids?.length ?? 0,
        })),
      },
      null,
      2,
    )}\n`,
  );
  console.log(
    `wrote ${regions} regions, ${grids} grids, ${components} components and organisation.json to ${dir}`,
  );
}

async function main(): Promise<void> {
  const args = parse();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const grids = args.grids ?? config.demo.grids;
  const seed = args.seed ?? config.demo.seed;
  const t0 = performance.now();
  const city = generateDemoCity({ seed, grids });
  console.log(
    `generated ${city.grids.length} grids in ${city.streets.length} streets / ${
      city.regions.filter((r) => r.level === 'community').length
    } communities (seed ${seed}) in ${Math.round(performance.now() - t0)} ms`,
  );
  if (args.out) {
    await writeFiles(city, args.out);
    return;
  }

  const store = createDb({
    kind: config.db.kind,
    url: config.db.url,
    sqliteFile: config.db.sqliteFile,
  });
  try {
    await migrateToLatest(store);
    const log = pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel });
    const services = await createServices({ config, store, clock: systemClock, log });
    const demoExists = (await services.seeds.demoAccounts()).length > 0;
    if (services.space.indexedGrids() > 0 && !demoExists) {
      console.error(
        `The store already holds ${services.space.indexedGrids()} grids. Point DATA_DIR or DATABASE_URL at an empty store, or use --out.`,
      );
      process.exitCode = 1;
      return;
    }
    const password =
      args.password ?? (config.demo.password || randomBytes(9).toString('base64url'));
    await services.seeds.referenceData();
    const report = await seedDemoCity(services, { seed, grids, password, city });
    if (!report) {
      console.log('A demo city exists already in this store; its accounts now use the password.');
    } else {
      console.log(
        `seeded ${report.regions} regions, ${report.grids} grids, ${report.components} components, ` +
          `${report.units} units, ${report.routingRules} routing rules, ${report.accounts} accounts ` +
          `into ${store.kind} in ${(report.ms.total / 1000).toFixed(1)} s ${JSON.stringify(report.ms)}`,
      );
    }
    const accounts = await services.seeds.demoAccounts();
    console.log(`accounts: ${accounts.map((a) => `${a.username} (${a.role})`).join(', ')}`);
    console.log(`password of every demo account: ${password}`);
    await services.stop();
  } finally {
    await store.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
