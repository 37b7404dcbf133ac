// Runs the CLI's real entry (src/cli.ts, with process.stdout and process.exit) from the TypeScript
// sources, for tests that need a real process: `node test/support/run-cli.mjs checks --format json`.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

await runnerImport(fileURLToPath(new URL('../../src/cli.ts', import.meta.url)));
