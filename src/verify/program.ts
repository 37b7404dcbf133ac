import type { Logger } from '../model.js';
import { run, type RunResult } from './runner.js';

// Runs one program through the runner with its output streamed into the log and the last lines
// kept in the order they were written (stdout and stderr interleaved): what explains a failure.

export const TAIL_LINES = 30;

export interface ProgramRun {
  result: RunResult;
  tail: string[];
  /** Every line matching `watch`, in order (e.g. setuptools warnings that scroll away). */
  watched: string[];
}

export async function runProgram(
  argv: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number; log: Logger; watch?: RegExp },
): Promise<ProgramRun> {
  const tail: string[] = [];
  const watched: string[] = [];
  const result = await run(argv, {
    cwd: options.cwd,
    env: options.env,
    timeoutMs: options.timeoutMs,
    maxBytes: 1024 * 1024,
    onLine: (line) => {
      options.log.output(line);
      if (options.watch?.test(line)) watched.push(line);
      if (line.trim() === '') return;
      tail.push(line);
      if (tail.length > TAIL_LINES * 4) tail.splice(0, tail.length - TAIL_LINES);
    },
  });
  if (result.spawnError) tail.push(result.spawnError);
  return { result, tail: tail.slice(-TAIL_LINES), watched };
}

/** Why a run did not succeed, in a few words; undefined when it exited 0. */
export function failureReason(result: RunResult, timeoutMs: number): string | undefined {
  if (result.spawnError) return result.spawnError;
  if (result.timedOut) return `timed out after ${formatSeconds(timeoutMs)}`;
  if (result.signal) return `killed by ${result.signal}`;
  if (result.exitCode !== 0) return `exit code ${result.exitCode}`;
  return undefined;
}

export function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** The exception line of the last traceback in `tail` (`ModuleNotFoundError: No module named 'src'`). */
export function exceptionLine(tail: string[]): string | undefined {
  const traceback = tail.map((l) => l.trim()).lastIndexOf('Traceback (most recent call last):');
  if (traceback < 0) return undefined;
  const after = tail.slice(traceback + 1).filter((l) => /^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt|Warning)\b/.test(l));
  return after.pop()?.trim();
}
