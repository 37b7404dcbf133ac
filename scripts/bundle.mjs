// Bundles the action (src/main.ts -> dist/index.js) and the CLI (src/cli.ts -> dist/cli/index.js)
// with ncc, each with the licenses of the code it bundles. `node scripts/bundle.mjs [outDir]`;
// test/dist.test.ts builds into a temporary folder with it and compares with the committed dist/.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] ?? path.join(repo, 'dist'));
const ncc = path.join(repo, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

// ncc splits lazily imported modules into numbered chunks: start empty so no chunk of an older build stays
rmSync(out, { recursive: true, force: true });
for (const [entry, dir] of [['src/main.ts', out], ['src/cli.ts', path.join(out, 'cli')]]) {
  execFileSync(process.execPath, [ncc, 'build', entry, '-o', dir, '--license', 'licenses.txt', '--quiet'], { cwd: repo, stdio: 'inherit' });
}
