import type { Logger } from '../model.js';
import { run, type RunResult } from './runner.js';

// Runs one program through the runner with its output streamed into the log and the last lines
// kept in the order they were written (stdout and stderr interleaved): what explains a failure.

export const TAIL_LINES = 30;
/** Lines of one program streamed into the log; beyond that only the tail is kept. */
export const MAX_LOGGED_LINES = 10_000;
const MAX_WATCHED_LINES = 200;

export interface ProgramRun {
  result: RunResult;
  tail: string[];
  /** Every line `watch` accepts, in order (e.g. setuptools warnings that scroll away), at most 200. */
  watched: string[];
}

export interface ProgramOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  log: Logger;
  /** Must run in time linear in the line's length: it sees every line of output. */
  watch?: (line: string) => boolean;
  purpose?: string;
}

export async function runProgram(argv: readonly string[], options: ProgramOptions): Promise<ProgramRun> {
  const tail: string[] = [];
  const watched: string[] = [];
  let logged = 0;
  const result = await run(argv, {
    cwd: options.cwd,
    env: options.env,
    timeoutMs: options.timeoutMs,
    purpose: options.purpose,
    maxBytes: 1024 * 1024,
    onLine: (line) => {
      if (logged < MAX_LOGGED_LINES) options.log.output(line);
      else if (logged === MAX_LOGGED_LINES) options.log.output(`dab-ready: more output not shown (over ${MAX_LOGGED_LINES.toLocaleString('en-US')} lines); the last ${TAIL_LINES} lines are kept`);
      logged++;
      if (watched.length < MAX_WATCHED_LINES && options.watch?.(line)) watched.push(line);
      if (line.trim() === '') return;
      tail.push(line);
      if (tail.length > TAIL_LINES * 4) tail.splice(0, tail.length - TAIL_LINES);
    },
  });
  if (result.spawnError) tail.push(result.spawnError);
  return { result, tail: tail.slice(-TAIL_LINES), watched };
}

/** What was unusual about a program's output ("one line of 1,000,000 characters, cut"), if anything. */
export function outputNote(result: RunResult): string | undefined {
  const { cutLines, longestLine, bytes } = result.output;
  if (cutLines === 0) return undefined;
  const size = bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(0)} MB of output` : `${bytes.toLocaleString('en-US')} bytes of output`;
  const lines = cutLines === 1 ? `a line of ${longestLine.toLocaleString('en-US')} characters` : `${cutLines.toLocaleString('en-US')} lines longer than the limit (the longest ${longestLine.toLocaleString('en-US')} characters)`;
  return `${size} with ${lines}, cut by dab-ready`;
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
