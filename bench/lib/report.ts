import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Machine } from './machine';

export const PARTS = ['intake', 'locate', 'evaluation', 'sweep', 'memory', 'durability'] as const;
export type PartName = (typeof PARTS)[number];

/** One measured figure, with the baseline measured next to it in the same run. */
export interface Figure {
  part: PartName;
  /** What was measured. */
  name: string;
  /** null: not measured (pending or skipped; `note` says why). */
  value: number | null;
  unit: string;
  baseline?: { name: string; value: number | null; unit: string };
  /** How many times better than the baseline (rate ÷ baseline rate, or baseline time ÷ time). */
  vsBaseline?: number | null;
  /** The target in words, e.g. '≥ 5,000 cases/s'. */
  target?: string;
  /** Whether the target was met; null when there is no target or nothing was measured. */
  met?: boolean | null;
  note?: string;
  details?: Record<string, unknown>;
}

export interface RunResult {
  startedAt: string;
  finishedAt: string;
  machine: Machine;
  parts: PartName[];
  options: Record<string, unknown>;
  /** 1-minute load average of the machine when each part started and ended. */
  load?: Partial<Record<PartName, [number, number]>>;
  figures: Figure[];
}

/** What the table of docs/PERFORMANCE.md was made from: the latest run of each part. */
export interface DocState {
  parts: Partial<
    Record<PartName, { run: Omit<RunResult, 'figures' | 'parts'>; figures: Figure[] }>
  >;
}

const nf = (digits: number) =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** A value with its unit, for people: 12,345 cases/s, 38.2 ms, 212 MB. */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return '—';
  }
  if (unit === 'bytes') {
    return `${nf(0).format(value / 2 ** 20)} MB`;
  }
  if (unit === 'ms') {
    return `${nf(value < 10 ? 2 : value < 100 ? 1 : 0).format(value)} ms`;
  }
  if (unit === 's') {
    return `${nf(value < 10 ? 2 : 1).format(value)} s`;
  }
  if (unit === '') {
    return nf(0).format(value);
  }
  return `${nf(value < 100 ? 1 : 0).format(value)} ${unit}`;
}

function ratio(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) {
    return '—';
  }
  if (v < 1) {
    return `${Number(v.toPrecision(2))} ×`;
  }
  return `${nf(v < 10 ? 2 : 0).format(v)} ×`;
}

function metText(f: Figure): string {
  if (f.met === true) {
    return 'yes';
  }
  if (f.met === false) {
    return 'NO';
  }
  return f.value === null ? 'pending' : '—';
}

function rows(figures: readonly Figure[]): string[][] {
  return figures.map((f) => [
    f.part,
    f.name,
    formatValue(f.value, f.unit),
    f.baseline ? `${formatValue(f.baseline.value, f.baseline.unit)} (${f.baseline.name})` : '—',
    ratio(f.vsBaseline),
    f.target ?? '—',
    metText(f),
  ]);
}

const HEAD = ['Part', 'Figure', 'Measured', 'Baseline (same run)', 'vs baseline', 'Target', 'Met'];

/** The figures as a plain-text table for the terminal. */
export function textTable(figures: readonly Figure[]): string {
  const all = [HEAD, ...rows(figures)];
  const widths = HEAD.map((_, i) => Math.max(...all.map((r) => width(r[i] ?? ''))));
  const line = (r: string[]) =>
    r.map((c, i) => c + ' '.repeat(Math.max(0, widths[i]! - width(c)))).join('  ');
  return [line(all[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)]
    .join('\n')
    .concat('\n');
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  }
  return w;
}

/** The figures as a Markdown table (docs/PERFORMANCE.md). */
export function markdownTable(figures: readonly Figure[]): string {
  const esc = (s: string) => s.replaceAll('|', '\\|');
  return [
    `| ${HEAD.join(' | ')} |`,
    `|${HEAD.map(() => '---').join('|')}|`,
    ...rows(figures).map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

export function machineMarkdown(m: Machine): string {
  return `Machine: ${m.cores} cores (${m.cpuModel}), ${m.ramGiB} GiB RAM, Node ${m.node}, ${m.platform}.`;
}

/** Writes the run as JSON under bench/results/ (a dated file and latest.json). */
export function writeResults(dir: string, result: RunResult): string {
  mkdirSync(dir, { recursive: true });
  const stamp = result.startedAt.replaceAll(':', '').replace(/\.\d+Z$/, 'Z');
  const file = join(dir, `bench-${stamp}.json`);
  const text = `${JSON.stringify(result, null, 2)}\n`;
  writeFileSync(file, text);
  writeFileSync(join(dir, 'latest.json'), text);
  return file;
}

export const DOC_BEGIN = '<!-- bench:begin (written by `npm run bench -- --doc`) -->';
export const DOC_END = '<!-- bench:end -->';

/**
 * Replaces the generated block of docs/PERFORMANCE.md: the parts of this run, and for the
 * parts it did not run, their latest figures from `state` (bench/doc-state.json). Returns
 * the new state.
 */
export function updateDoc(path: string, result: RunResult, state: DocState): DocState {
  const doc = readFileSync(path, 'utf8');
  const begin = doc.indexOf(DOC_BEGIN);
  const end = doc.indexOf(DOC_END);
  if (begin < 0 || end < begin) {
    throw new Error(`${path} has no ${DOC_BEGIN} … ${DOC_END} block`);
  }
  const { figures: all, parts, ...run } = result;
  const next: DocState = { parts: { ...state.parts } };
  for (const part of parts) {
    next.parts[part] = { run, figures: all.filter((f) => f.part === part) };
  }
  const entries = PARTS.flatMap((p) => {
    const e = next.parts[p];
    return e ? [[p, e] as const] : [];
  });
  // One line per run the table draws on: when, options, and how busy the machine was.
  const runs = new Map<string, PartName[]>();
  for (const [p, e] of entries) {
    runs.set(e.run.startedAt, [...(runs.get(e.run.startedAt) ?? []), p]);
  }
  const when = [...runs].map(([startedAt, ps]) => {
    const e = next.parts[ps[0]!]!;
    const load = ps
      .map((p) => {
        const l = e.run.load?.[p];
        return l ? `${p} ${l[0].toFixed(1)}–${l[1].toFixed(1)}` : null;
      })
      .filter((x) => x !== null);
    return (
      `- ${ps.join(', ')}: run of ${startedAt.slice(0, 16).replace('T', ' ')} UTC, ` +
      `options \`${JSON.stringify(e.run.options)}\`` +
      (load.length ? `; 1-minute load average at start–end: ${load.join(', ')}` : '')
    );
  });
  const block = [
    DOC_BEGIN,
    '',
    machineMarkdown(result.machine),
    '',
    ...when,
    '',
    markdownTable(entries.flatMap(([, e]) => e.figures)),
    '',
    DOC_END,
  ].join('\n');
  writeFileSync(path, doc.slice(0, begin) + block + doc.slice(end + DOC_END.length));
  return next;
}
