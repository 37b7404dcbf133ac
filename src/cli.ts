#!/usr/bin/env node
import type { CliIo } from './cli/io.js';
import { main } from './cli/main.js';

const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  isTty: process.stdout.isTTY,
};
main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
