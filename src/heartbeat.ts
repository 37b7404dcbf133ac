// A long step in a CI log says it is still alive: one line every 10 s with the elapsed time.
import { formatDuration } from './report/duration.js';

export const HEARTBEAT_MS = 10_000;

/** Runs `fn`; while it runs, `print`s `… still running: <name> (<elapsed>)` every `intervalMs`, and
 *  `done: <name> (<elapsed>)` at the end when it printed any. */
export async function withHeartbeat<T>(name: string, fn: () => Promise<T>, print: (line: string) => void, intervalMs = HEARTBEAT_MS, now: () => number = Date.now): Promise<T> {
  const started = now();
  let beats = 0;
  const timer = setInterval(() => {
    beats++;
    print(`  … still running: ${name} (${formatDuration(now() - started)})`);
  }, intervalMs);
  try {
    return await fn();
  } finally {
    clearInterval(timer);
    if (beats > 0) print(`  done: ${name} (${formatDuration(now() - started)})`);
  }
}
