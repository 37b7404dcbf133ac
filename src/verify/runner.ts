import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdirSync } from 'node:fs';
import path from 'node:path';
import { RUN_MARKER, toolEnv } from './environment.js';
import { cleanupStateChanged } from './lifecycle.js';
import { LineSplitter, type OutputStats } from './line-splitter.js';
import { describeProcess, PROC_AVAILABLE, ProcessTracker } from './processes.js';
import { makeTempDir, removeTempDir } from './temp.js';

// The one door through which dab-ready starts a program. Every program gets:
// - an argument array (never a shell string built from input) and the environment its caller chose
//   from src/verify/environment.ts (by default the tool environment: no secret), plus a marker;
// - its own process group and session; at the timeout the whole run gets TERM, then KILL after a grace
//   period; once the program has exited we stop waiting for pipes that a grandchild still holds;
// - output read in linear time and bounded memory (lines capped, the raw text kept as a tail);
// - a sweep afterwards: whatever it left running is ended and reported in `leftovers`.
// Runs in flight are registered, so an interrupt of dab-ready can end them all (stopAllPrograms).

export interface RunOptions {
  cwd?: string;
  /** Default: toolEnv(process.env), the safe base without any secret. */
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Called with every line (stdout and stderr), capped at MAX_LINE_CHARS characters. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Bytes of each stream kept as text; older output is dropped (the tail is what explains a failure). */
  maxBytes?: number;
  input?: string;
  /** What the program is for, in words ("the wheel build in pkg"): named when dab-ready is interrupted. */
  purpose?: string;
  /** Between TERM and KILL. */
  graceMs?: number;
  /**
   * A fresh, empty HOME and TMPDIR for this program, removed when it is over (on by default when the
   * environment has no HOME, as repositoryEnv() gives): what it writes there cannot outlive it.
   */
  sandbox?: boolean;
}

export interface RunResult {
  command: string; // display form, shell-quoted
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** Set when the program could not be started (ENOENT, EACCES). */
  spawnError?: string;
  stdout: string;
  stderr: string;
  truncated: boolean;
  durationMs: number;
  /** Both streams together. */
  output: OutputStats;
  /** Processes still running after the program ended (command lines); dab-ready ended them. */
  leftovers: string[];
}

const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;
export const DEFAULT_GRACE_MS = 2000;
/** How long the pipes may stay open after the program exited (a daemon holding them). */
const DRAIN_MS = 1000;
const OBSERVE_EVERY_MS = 250;

export function quoteArg(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function displayCommand(argv: readonly string[]): string {
  return argv.map(quoteArg).join(' ');
}

/** The last `max` bytes of a stream, as whole chunks plus a trimmed first one. */
class TailBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  truncated = false;
  constructor(private readonly max: number) {}
  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size - this.chunks[0].length >= this.max) {
      this.size -= this.chunks.shift()!.length;
      this.truncated = true;
    }
  }
  text(): string {
    let buf = Buffer.concat(this.chunks);
    if (buf.length > this.max) {
      buf = buf.subarray(buf.length - this.max);
      this.truncated = true;
    }
    return buf.toString('utf8');
  }
}

interface ActiveRun {
  command: string;
  purpose?: string;
  tracker: ProcessTracker;
}

const active = new Set<ActiveRun>();
let counter = 0;
let exitHooked = false;

function register(entry: ActiveRun): void {
  active.add(entry);
  cleanupStateChanged();
  if (!exitHooked) {
    exitHooked = true;
    // Whatever ends dab-ready (an uncaught error, process.exit), no program outlives it.
    process.once('exit', killAllPrograms);
  }
}

/** Set once dab-ready is being interrupted: runs that end then never resolve, so nothing downstream
 *  (a report built from a killed build) happens before the interrupt handler exits. */
let interrupted = false;

/** What is running now, in words, for the one line an interrupt prints. */
export function runningPrograms(): string[] {
  return [...active].map((r) => r.purpose ?? r.command);
}

/** End every program in flight (TERM, KILL after the grace period): for SIGINT/SIGTERM of dab-ready.
 *  No run resolves afterwards: the caller is expected to exit. */
export async function stopAllPrograms(graceMs = DEFAULT_GRACE_MS): Promise<number> {
  interrupted = true;
  const runs = [...active];
  await Promise.all(runs.map((r) => r.tracker.end(graceMs)));
  return runs.length;
}

/** KILL every program in flight at once (a second interrupt). */
export function killAllPrograms(): void {
  for (const r of active) r.tracker.killNow();
}

export function run(argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  if (interrupted) return new Promise(() => {}); // dab-ready is exiting: start nothing new
  const started = Date.now();
  const command = displayCommand(argv);
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  const tails = { stdout: new TailBuffer(max), stderr: new TailBuffer(max) };
  const splitters = {
    stdout: new LineSplitter((line) => options.onLine?.(line, 'stdout')),
    stderr: new LineSplitter((line) => options.onLine?.(line, 'stderr')),
  };
  const marker = `${process.pid}.${++counter}.${randomBytes(6).toString('hex')}`;
  const env: NodeJS.ProcessEnv = { ...(options.env ?? toolEnv(process.env)), [RUN_MARKER]: marker };
  const sandbox = (options.sandbox ?? env.HOME === undefined) ? makeSandbox(env) : undefined;

  return new Promise((resolve) => {
    let timedOut = false;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let spawnError: string | undefined;
    let finishing = false;
    const timers: NodeJS.Timeout[] = [];
    const later = (ms: number, fn: () => void) => timers.push(setTimeout(fn, ms));

    let child: ChildProcess;
    try {
      child = spawn(argv[0], argv.slice(1), {
        cwd: options.cwd,
        env,
        stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        detached: process.platform !== 'win32',
        shell: false,
      });
    } catch (error) {
      // Arguments Node refuses (a NUL byte): nothing started.
      if (sandbox) removeTempDir(sandbox);
      if (interrupted) return;
      const output = { bytes: 0, lines: 0, cutLines: 0, longestLine: 0 };
      const spawnError = `${argv[0]}: ${(error as Error).message}`;
      resolve({ command, exitCode: null, signal: null, timedOut: false, spawnError, stdout: '', stderr: '', truncated: false, durationMs: 0, output, leftovers: [] });
      return;
    }
    const tracker = child.pid !== undefined ? new ProcessTracker(child.pid, marker) : undefined;
    const entry: ActiveRun | undefined = tracker && { command, purpose: options.purpose, tracker };
    if (entry) register(entry);
    const observer = tracker && PROC_AVAILABLE ? setInterval(() => tracker.observe(), OBSERVE_EVERY_MS) : undefined;
    observer?.unref();

    // Processes still running when the program ended, and those that left its process group (a
    // daemon) seen at the timeout: pid -> command line.
    const leftovers = new Map<number, string>();
    const places: [string, string][] = sandbox ? [[path.join(sandbox, 'home'), '<home>'], [path.join(sandbox, 'tmp'), '<tmp>']] : [];
    if (options.cwd) places.push([path.resolve(options.cwd), '.']);
    const describe = (pid: number) => describeProcess(pid, places);

    const finish = async () => {
      if (finishing) return;
      finishing = true;
      for (const t of timers) clearTimeout(t);
      if (observer) clearInterval(observer);
      child.stdout?.destroy();
      child.stderr?.destroy();
      splitters.stdout.end();
      splitters.stderr.end();
      if (tracker) {
        const remaining = tracker.remaining();
        for (const p of remaining) leftovers.set(p.pid, describe(p.pid));
        if (remaining.length === 0 && !PROC_AVAILABLE && tracker.groupAlive()) leftovers.set(-tracker.pid, `a process in group ${tracker.pid}`);
        if (remaining.length > 0 || leftovers.has(-tracker.pid)) await tracker.end(graceMs);
      }
      if (entry && active.delete(entry)) cleanupStateChanged();
      if (sandbox) removeTempDir(sandbox);
      if (interrupted) return;
      const out = splitters.stdout.stats;
      const err = splitters.stderr.stats;
      resolve({
        command,
        exitCode: exit?.code ?? null,
        signal: exit?.signal ?? null,
        timedOut,
        ...(spawnError ? { spawnError } : {}),
        stdout: tails.stdout.text(),
        stderr: tails.stderr.text(),
        truncated: tails.stdout.truncated || tails.stderr.truncated || out.cutLines + err.cutLines > 0,
        durationMs: Date.now() - started,
        output: {
          bytes: out.bytes + err.bytes,
          lines: out.lines + err.lines,
          cutLines: out.cutLines + err.cutLines,
          longestLine: Math.max(out.longestLine, err.longestLine),
        },
        leftovers: [...leftovers.values()],
      });
    };

    child.stdout!.on('data', (c: Buffer) => {
      tails.stdout.push(c);
      splitters.stdout.push(c);
    });
    child.stderr!.on('data', (c: Buffer) => {
      tails.stderr.push(c);
      splitters.stderr.push(c);
    });
    if (options.input !== undefined) {
      child.stdin!.on('error', () => {}); // the program closed its input early: not our failure
      child.stdin!.end(options.input);
    }
    child.on('error', (e: NodeJS.ErrnoException) => {
      spawnError = `${argv[0]}: ${e.code === 'ENOENT' ? 'not found' : e.message}`;
      void finish();
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      // A grandchild may hold the pipes open forever: read what is buffered, then stop waiting.
      later(DRAIN_MS, () => void finish());
    });
    child.on('close', (code, signal) => {
      exit ??= { code, signal };
      void finish();
    });
    later(options.timeoutMs ?? 600_000, () => {
      timedOut = true;
      if (tracker) {
        const running = tracker.remaining();
        for (const p of running) if (p.pgid !== tracker.pid) leftovers.set(p.pid, describe(p.pid));
        tracker.signal('SIGTERM', running);
      }
      later(graceMs, () => {
        tracker?.signal('SIGKILL');
        // A process that does not die even then (uninterruptible I/O): give up waiting for it.
        later(2000, () => void finish());
      });
    });
  });
}

/** A folder with home/ and tmp/ that become the program's HOME and temp folder. */
function makeSandbox(env: NodeJS.ProcessEnv): string {
  const dir = makeTempDir('dab-ready-run-');
  const home = path.join(dir, 'home');
  const tmp = path.join(dir, 'tmp');
  mkdirSync(home);
  mkdirSync(tmp);
  Object.assign(env, { HOME: home, TMPDIR: tmp, TMP: tmp, TEMP: tmp });
  return dir;
}

/** The last `n` non-empty lines of a program's combined output: what explains a failure. */
export function lastLines(result: Pick<RunResult, 'stdout' | 'stderr'>, n = 20): string[] {
  const lines = `${result.stdout}\n${result.stderr}`.split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines.slice(-n);
}

/** Find an executable on PATH (as the OS would), without running a shell. */
export function which(program: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (program.includes('/')) return isExecutable(program) ? program : undefined;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, program);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
