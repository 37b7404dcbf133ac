import os from 'node:os';
import { isMainThread } from 'node:worker_threads';

// Time budgets in tests. Speed is measured by `npm run bench`; a test may still hold a budget that
// only a blow-up (quadratic work, a hang) would break, but only where the time it reads means
// something. Where it does not, the test skips with the reason, which the run prints and counts.

/** CPU time of this process (process.cpuUsage()). In a worker thread it also counts the other
 *  threads of the process (Stryker runs tests in threads), so a budget is not asserted there. */
export const cpuBudget = {
  measurable: isMainThread,
  options: { meta: { skipReason: 'process CPU time counts every thread in a worker thread (Stryker runs tests in threads): the CPU budget is not asserted' } },
};

/** Wall-clock time. On a machine busier than its cores it measures the other work. */
export function wallClockBudget(): { measurable: boolean; options: { meta: { skipReason: string } } } {
  const load = os.loadavg()[0];
  const cores = os.cpus().length;
  return {
    measurable: load <= cores,
    options: { meta: { skipReason: `the machine is busy (load average ${load.toFixed(1)} on ${cores} cores): the wall-clock budget is not asserted` } },
  };
}

/** CPU milliseconds `work` takes in this process. */
export function cpuMilliseconds(work: () => void): number {
  const started = process.cpuUsage();
  work();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}
