import type { Logger } from '../model.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  isTty?: boolean;
}

/** Progress and notices go to stderr so machine formats stay alone on stdout. */
export function stderrLogger(io: CliIo, verbose: boolean): Logger {
  return {
    info: (message) => io.stderr(`${message}\n`),
    warn: (message) => io.stderr(`warning: ${message}\n`),
    async group(name, fn) {
      io.stderr(`▸ ${name}\n`);
      return fn();
    },
    output: (line) => {
      if (verbose) io.stderr(`  │ ${line}\n`);
    },
  };
}
