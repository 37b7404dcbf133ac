#!/usr/bin/env node
import type { CliIo } from './cli/io.js';
import { quietOnEpipe } from './cli/io.js';
import { main } from './cli/main.js';
import { installInterruptHandlers } from './interrupt.js';

installInterruptHandlers((line) => process.stderr.write(`${line}\n`));

// `dab-ready checks | head`: the reader went away; stop quietly with the code so far.
quietOnEpipe(process.stdout, (code) => process.exit(process.exitCode ?? code));
const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  isTty: process.stdout.isTTY,
  stderrIsTty: process.stderr.isTTY,
};
// Awaited at the top level: the entry module stays loading until the command is done (its code is
// imported on demand, which test/support/run-cli.mjs can serve only while the entry is loading).
process.exitCode = await main(process.argv.slice(2), io);
