import { onCleanupStateChange } from './verify/lifecycle.js';
import { DEFAULT_GRACE_MS, killAllPrograms, runningPrograms, stopAllPrograms } from './verify/runner.js';
import { liveTempDirs, removeAllTempDirs } from './verify/temp.js';

// SIGINT/SIGTERM of dab-ready (Ctrl-C, a cancelled CI job) while it has programs running or
// temporary folders: end every program (TERM, then KILL after the grace period), remove every
// temporary folder, print one line that says what was interrupted, exit 130 (SIGINT) or 143
// (SIGTERM). A second signal while that runs kills at once. When there is nothing to clean up the
// handler is not installed, so the signal's default action ends dab-ready at once (also in the
// middle of the synchronous static analysis, where no handler could run).
// Installed by the two entry points only (src/cli.ts, src/main.ts), never by library code.

export const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type HandledSignal = keyof typeof EXIT_CODES;

export function installInterruptHandlers(report: (line: string) => void): void {
  let stopping = false;
  let installed = false;
  const onSignal = (signal: HandledSignal) => {
    const code = EXIT_CODES[signal];
    if (stopping) {
      killAllPrograms();
      removeAllTempDirs();
      process.exit(code);
    }
    stopping = true;
    const running = runningPrograms();
    // However the programs behave, dab-ready is gone shortly after the grace period.
    setTimeout(() => process.exit(code), DEFAULT_GRACE_MS + 3000);
    void stopAllPrograms().finally(() => {
      const removed = removeAllTempDirs();
      report(interruptLine(signal, running, removed));
      process.exit(code);
    });
  };
  const onInt = () => onSignal('SIGINT');
  const onTerm = () => onSignal('SIGTERM');
  const update = () => {
    const needed = stopping || runningPrograms().length > 0 || liveTempDirs().length > 0;
    if (needed === installed) return;
    installed = needed;
    if (needed) {
      process.on('SIGINT', onInt);
      process.on('SIGTERM', onTerm);
    } else {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    }
  };
  onCleanupStateChange(update);
  update();
}

export function interruptLine(signal: HandledSignal, running: string[], removedTempDirs: number): string {
  const what =
    running.length === 0
      ? 'between programs (none was running)'
      : `while running ${running.join(' and ')}; ${running.length === 1 ? 'it was' : 'they were'} stopped`;
  const temp = removedTempDirs === 0 ? '' : `, ${removedTempDirs} temporary folder${removedTempDirs === 1 ? '' : 's'} removed`;
  return `dab-ready: interrupted by ${signal} ${what}${temp}`;
}
