import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

/** The machine a benchmark ran on. */
export interface Machine {
  cores: number;
  ramGiB: number;
  cpuModel: string;
  node: string;
  platform: string;
}

/** Cores, RAM, CPU model (from /proc/cpuinfo where there is one) and the Node version. */
export function machineInfo(): Machine {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) {
      cpuModel = line.slice(line.indexOf(':') + 1).trim();
    }
  } catch {
    // Not Linux: os.cpus() said it.
  }
  return {
    cores: cpus().length,
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    cpuModel,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

/** Resident set size of a process in bytes, from /proc/<pid>/status (VmRSS); null elsewhere. */
export function rssOf(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system) a process has used so far, ms, from /proc/<pid>/stat; null elsewhere. */
export function cpuMsOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces) start after the last ')'.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(f[11]) + Number(f[12]);
    return (ticks * 1000) / 100;
  } catch {
    return null;
  }
}
