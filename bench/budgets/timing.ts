import os from 'node:os';

// Time budgets that only a blow-up (quadratic work, a hang) would break. They live here, run by
// `npm run bench -- --budgets`, and not in `npm test`: a time read while the machine is busy
// measures the other work, and CI must not fail for it.

/** CPU milliseconds `work` takes in this process. */
export function cpuMilliseconds(work: () => void): number {
  const started = process.cpuUsage();
  work();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/** The best wall-clock milliseconds of `runs` runs of `work`, and its last value. */
export function bestOf<T>(runs: number, work: () => T): { ms: number; value: T } {
  let best = Infinity;
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    value = work();
    best = Math.min(best, performance.now() - started);
  }
  return { ms: best, value };
}

/** What a failed budget prints beside its figure: how busy the machine was. */
export function machineLoad(): string {
  return `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`;
}
