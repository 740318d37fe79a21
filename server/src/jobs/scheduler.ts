import type { Leadership } from './leader';

export interface Job {
  name: string;
  intervalMs: number;
  /** One batch of work; returns a short summary for the log. */
  perform(): Promise<Record<string, number>>;
}

/**
 * Runs jobs at their intervals on the leader node only; a job never overlaps itself and a
 * failing run is logged, not fatal.
 */
export function startScheduler(
  jobs: Job[],
  leader: Leadership,
  log: { info(o: unknown, m: string): void; warn(o: unknown, m: string): void },
): () => Promise<void> {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<string>();
  for (const job of jobs) {
    const tick = async () => {
      if (running.has(job.name) || !(await leader.isLeader())) {
        return;
      }
      running.add(job.name);
      try {
        const summary = await job.perform();
        if (Object.values(summary).some((v) => v > 0)) {
          log.info({ job: job.name, ...summary }, 'job ran');
        }
      } catch (err) {
        log.warn({ err, job: job.name }, 'job failed');
      } finally {
        running.delete(job.name);
      }
    };
    timers.push(setInterval(() => void tick(), job.intervalMs).unref());
  }
  return async () => {
    timers.forEach(clearInterval);
    await leader.release();
  };
}
