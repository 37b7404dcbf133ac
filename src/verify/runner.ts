import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

// The one way dab-ready runs a program: an argument array (never a shell string built from
// input), a timeout that kills the whole process group, output captured and bounded.

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Called with every complete output line (stdout and stderr), e.g. to stream into the log. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Bytes of each stream kept; older output is dropped (the tail is what explains a failure). */
  maxBytes?: number;
  input?: string;
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
}

const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

export function quoteArg(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function displayCommand(argv: readonly string[]): string {
  return argv.map(quoteArg).join(' ');
}

class BoundedBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  truncated = false;
  private partial = '';
  constructor(
    private readonly max: number,
    private readonly onLine?: (line: string) => void,
  ) {}
  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > this.max && this.chunks.length > 1) {
      this.size -= this.chunks.shift()!.length;
      this.truncated = true;
    }
    if (this.onLine) {
      const text = this.partial + chunk.toString('utf8');
      const lines = text.split(/\r?\n/);
      this.partial = lines.pop() ?? '';
      for (const line of lines) this.onLine(line);
    }
  }
  finish(): string {
    if (this.onLine && this.partial) this.onLine(this.partial);
    let text = Buffer.concat(this.chunks).toString('utf8');
    if (text.length > this.max) {
      text = text.slice(text.length - this.max);
      this.truncated = true;
    }
    return text;
  }
}

export function run(argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const started = Date.now();
  const command = displayCommand(argv);
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const out = new BoundedBuffer(max, options.onLine && ((l) => options.onLine!(l, 'stdout')));
  const err = new BoundedBuffer(max, options.onLine && ((l) => options.onLine!(l, 'stderr')));
  return new Promise((resolve) => {
    let timedOut = false;
    let settled = false;
    const child = spawn(argv[0], argv.slice(1), {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
      shell: false,
    });
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null, spawnError?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({
        command,
        exitCode,
        signal,
        timedOut,
        spawnError,
        stdout: out.finish(),
        stderr: err.finish(),
        truncated: out.truncated || err.truncated,
        durationMs: Date.now() - started,
      });
    };
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, options.timeoutMs ?? 600_000);
    child.stdout!.on('data', (c: Buffer) => out.push(c));
    child.stderr!.on('data', (c: Buffer) => err.push(c));
    if (options.input !== undefined) child.stdin!.end(options.input);
    child.on('error', (e: NodeJS.ErrnoException) => finish(null, null, `${argv[0]}: ${e.code === 'ENOENT' ? 'not found' : e.message}`));
    child.on('close', (code, signal) => finish(code, signal));
  });
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
