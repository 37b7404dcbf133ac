import type { Logger } from '../model.js';
import { withHeartbeat } from '../heartbeat.js';
import { formatDuration } from '../report/duration.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** stdout is a terminal. */
  isTty?: boolean;
  /** stderr is a terminal (progress is drawn in place there). */
  stderrIsTty?: boolean;
  /** The folder paths are shown relative to (default process.cwd()). */
  cwd?: string;
}

export interface ProgressOptions {
  verbose: boolean;
  /** Draw elapsed time in place (a terminal) or print a heartbeat line (CI logs). */
  tty: boolean;
  /** Heartbeat interval for logs (default 10 s) and redraw interval on a terminal (default 1 s). */
  heartbeatMs?: number;
  redrawMs?: number;
  now?: () => number;
}

/** Progress and notices go to stderr so machine formats stay alone on stdout. A long step shows its
 *  elapsed time: redrawn in place on a terminal, a heartbeat line every 10 s in a CI log. */
export function stderrLogger(io: CliIo, options: ProgressOptions | boolean): Logger {
  const opts: ProgressOptions = typeof options === 'boolean' ? { verbose: options, tty: io.stderrIsTty === true } : options;
  const now = opts.now ?? Date.now;
  const inPlace = opts.tty && !opts.verbose; // streamed output would be overwritten
  return {
    info: (message) => io.stderr(`${message}\n`),
    warn: (message) => io.stderr(`warning: ${message}\n`),
    async group(name, fn) {
      if (!inPlace) {
        io.stderr(`▸ ${name}\n`);
        return withHeartbeat(name, fn, (line) => io.stderr(`${line}\n`), opts.heartbeatMs, now);
      }
      const started = now();
      const elapsed = () => formatDuration(now() - started);
      io.stderr(`▸ ${name}`);
      const timer = setInterval(() => io.stderr(`\r\u001b[2K▸ ${name} … ${elapsed()}`), opts.redrawMs ?? 1000);
      try {
        return await fn();
      } finally {
        clearInterval(timer);
        io.stderr(`\r\u001b[2K▸ ${name} (${elapsed()})\n`);
      }
    },
    output: (line) => {
      if (opts.verbose) io.stderr(`  │ ${line}\n`);
    },
  };
}

export type ColorChoice = 'auto' | 'always' | 'never';

/** Colour by destination: never into a file; --color wins, then NO_COLOR, then FORCE_COLOR, then
 *  whether stdout is a terminal. */
export function useColor(choice: ColorChoice, io: Pick<CliIo, 'env' | 'isTty'>, toFile: boolean): boolean {
  if (toFile || choice === 'never') return false;
  if (choice === 'always') return true;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.isTty === true;
}

/** Ends the process quietly when the reader of stdout goes away (`dab-ready checks | head`). */
export function quietOnEpipe(stream: NodeJS.WritableStream, exit: (code: number) => void): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') exit(0);
    else throw error;
  });
}
