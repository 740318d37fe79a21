/**
 * The benchmark harness: `npm run bench [-- <part>…] [--quick] [--fresh] [--keep] [--doc] [--cpu-prof]`.
 *
 * Measures on this machine, each figure next to a baseline measured in the same run, prints a
 * table and writes JSON under bench/results/. Parts: intake, locate, evaluation, sweep, memory,
 * durability (all by default). Never part of `npm test`.
 *
 *   --quick     smaller data and shorter runs (to try the harness; not for the record)
 *   --fresh     rebuild the generated case stores (bench/data/cache; otherwise reused when
 *               an earlier run built them with the same generator, sizes and migrations)
 *   --keep      keep this run's work folders (server logs, store copies) in bench/data
 *   --doc       write the table into docs/PERFORMANCE.md
 *   --cpu-prof  CPU profiles of the servers under test in bench/data/profiles
 *
 * DATABASE_URL (PostgreSQL on 127.0.0.1) adds the PostgreSQL runs of intake and durability, in
 * a throw-away schema.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchContext, Part } from './lib/context';
import { machineInfo } from './lib/machine';
import {
  PARTS,
  textTable,
  type DocState,
  updateDoc,
  writeResults,
  type Figure,
  type PartName,
  type RunResult,
} from './lib/report';
import { ROOT } from './lib/server-process';

const USAGE = `usage: npm run bench -- [${PARTS.join('|')}]… [--quick] [--fresh] [--keep] [--doc] [--cpu-prof]`;

const LOADERS: Record<PartName, () => Promise<Part>> = {
  intake: async () => (await import('./parts/intake')).intakePart,
  locate: async () => (await import('./parts/locate')).locatePart,
  evaluation: async () => (await import('./parts/evaluation')).evaluationPart,
  sweep: async () => (await import('./parts/sweep')).sweepPart,
  memory: async () => (await import('./parts/memory')).memoryPart,
  durability: async () => (await import('./parts/durability')).durabilityPart,
};

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      quick: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      fresh: { type: 'boolean', default: false },
      doc: { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const unknown = positionals.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length > 0) {
    console.error(`unknown part: ${unknown.join(', ')}\n${USAGE}`);
    process.exit(2);
  }
  const parts: PartName[] =
    positionals.length > 0 ? PARTS.filter((p) => positionals.includes(p)) : [...PARTS];
  const ctx: BenchContext = {
    dataDir: join(ROOT, 'bench', 'data'),
    quick: values.quick,
    keep: values.keep,
    fresh: values.fresh,
    databaseUrl: process.env.DATABASE_URL || undefined,
    cpuProf: values['cpu-prof'],
    log: (msg) => console.log(msg),
  };
  const machine = machineInfo();
  const startedAt = new Date().toISOString();
  console.log(
    `cityloop bench: ${parts.join(', ')}${ctx.quick ? ' (quick)' : ''} on ${machine.cores} cores, ${machine.cpuModel}, ${machine.ramGiB} GiB, Node ${machine.node}` +
      (ctx.databaseUrl ? ', with PostgreSQL' : ', SQLite only (set DATABASE_URL for PostgreSQL)'),
  );
  const figures: Figure[] = [];
  const load: RunResult['load'] = {};
  let failures = 0;
  for (const name of parts) {
    const t0 = performance.now();
    const loadAtStart = loadavg()[0]!;
    console.log(`\n== ${name}`);
    try {
      const part = await LOADERS[name]();
      figures.push(...(await part(ctx)));
    } catch (err) {
      failures++;
      console.error(
        `${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
      figures.push({
        part: name,
        name: 'part failed',
        value: null,
        unit: '',
        met: false,
        note: err instanceof Error ? err.message : String(err),
      });
    }
    load[name] = [loadAtStart, loadavg()[0]!];
    console.log(`== ${name} done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const result: RunResult = {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine,
    parts,
    options: { quick: ctx.quick, postgres: Boolean(ctx.databaseUrl) },
    load,
    figures,
  };
  console.log(`\n${textTable(figures)}`);
  for (const f of figures.filter((x) => x.note)) {
    console.log(`note (${f.part}, ${f.name}): ${f.note}`);
  }
  const file = writeResults(join(ROOT, 'bench', 'results'), result);
  console.log(`\nwrote ${file}`);
  if (values.doc) {
    // The table keeps the latest figures of parts this run left out (bench/doc-state.json,
    // kept in git with the table it was drawn from: a run of some parts on a fresh clone keeps
    // the other parts' rows).
    const stateFile = join(ROOT, 'bench', 'doc-state.json');
    const state = existsSync(stateFile)
      ? (JSON.parse(readFileSync(stateFile, 'utf8')) as DocState)
      : { parts: {} };
    const docFile = join(ROOT, 'docs', 'PERFORMANCE.md');
    const next = updateDoc(docFile, result, state);
    writeFileSync(stateFile, `${JSON.stringify(next, null, 2)}\n`);
    // Both as `npm run format` would leave them (the check in CI compares).
    const prettier = await import('prettier');
    for (const file of [docFile, stateFile]) {
      const options = (await prettier.resolveConfig(file)) ?? {};
      writeFileSync(
        file,
        await prettier.format(readFileSync(file, 'utf8'), { ...options, filepath: file }),
      );
    }
    console.log('updated docs/PERFORMANCE.md');
  }
  process.exitCode = failures > 0 ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
