// node scripts/identical-output.mjs [--base REF] [--jobs N]
//
// Speed work must not change what dab-ready says. This runs the CLI built from REF (default `main`)
// and the CLI built from the working tree over every bundle in ../shared/corpus (each repository,
// every bundle below it) and ../shared/peer/cli-acceptance (each case with the variables and
// environment of its validations), `check --format json` and the text report, and compares stdout,
// stderr and the exit code byte for byte. Exit 0 when every output is identical, 1 otherwise.
// Each side is bundled (rolldown, a second) and run in this process through the CLI's `main(argv, io)`
// with the run's environment; the base's outputs are cached in the temporary folder by commit.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repo, '..', 'shared');
const { values: options } = parseArgs({ options: { base: { type: 'string', default: 'main' } } });

if (!fs.existsSync(shared)) {
  console.error('identical-output: ../shared is not beside the repository; nothing to compare');
  process.exit(2);
}

const rolldown = path.join(repo, 'node_modules', '.bin', 'rolldown');
/** Bundle the CLI's `main` below `root` into one module (a second, unlike ncc): both sides use the same bundler. */
function bundleCli(root, out) {
  const entry = path.join(path.dirname(out), 'entry.ts');
  fs.writeFileSync(entry, `export { main } from ${JSON.stringify(path.join(root, 'src', 'cli', 'main.ts'))};\n`);
  execFileSync(rolldown, [entry, '--platform', 'node', '--format', 'esm', '--no-codeSplitting', '--file', out, '--log-level', 'silent'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return out;
}

function buildBase(sha, dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const tar = execFileSync('git', ['archive', '--format=tar', sha, 'src', 'schema', 'package.json', 'tsconfig.json'], { cwd: repo, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'));
  return bundleCli(dir, path.join(dir, 'cli.mjs'));
}

/** Every run: a folder, extra arguments, extra environment. */
function runs() {
  const list = [];
  const corpus = path.join(shared, 'corpus');
  for (const name of fs.readdirSync(corpus).sort()) {
    if (fs.statSync(path.join(corpus, name)).isDirectory()) list.push({ dir: path.join(corpus, name), args: [], env: {} });
  }
  const acceptance = path.join(shared, 'peer', 'cli-acceptance');
  const manifest = JSON.parse(fs.readFileSync(path.join(acceptance, 'manifest.json'), 'utf8'));
  const seen = new Set();
  for (const c of manifest.cases) {
    for (const v of c.validations) {
      const dir = path.join(acceptance, c.path, v.bundleRoot ?? v.cwd);
      const args = v.vars.flatMap((x) => ['--var', x]);
      const key = JSON.stringify([dir, args, v.env]);
      if (seen.has(key) || !fs.existsSync(dir)) continue;
      seen.add(key);
      list.push({ dir, args, env: v.env });
    }
  }
  return list;
}

const FORMATS = [
  ['json', ['--format', 'json']],
  ['text', ['--format', 'text', '--color', 'never']],
];

async function outputsOf(cliModule, list) {
  const { main } = await import(pathToFileURL(cliModule).href);
  const results = {};
  for (const run of list) {
    for (const [format, formatArgs] of FORMATS) {
      const key = `${path.relative(shared, run.dir)} ${run.args.join(' ')} ${JSON.stringify(run.env)} ${format}`;
      let stdout = '', stderr = '';
      const io = {
        stdout: (text) => { stdout += text; },
        stderr: (text) => { stderr += text; },
        env: { PATH: process.env.PATH, HOME: os.tmpdir(), LANG: 'C.UTF-8', NO_COLOR: '1', ...run.env },
        isTty: false,
        stderrIsTty: false,
        cwd: repo,
      };
      let code;
      try {
        code = await main(['check', path.relative(repo, run.dir) || '.', ...formatArgs, ...run.args, '--fail-on', 'none'], io);
      } catch (error) {
        code = `threw ${error instanceof Error ? error.stack : String(error)}`;
      }
      results[key] = { code, stdout, stderr };
    }
  }
  return results;
}

const list = runs();
const sha = execFileSync('git', ['rev-parse', options.base], { cwd: repo, encoding: 'utf8' }).trim();
const listHash = createHash('sha256').update(JSON.stringify(list)).digest('hex').slice(0, 12);
const cacheDir = path.join(os.tmpdir(), `dab-ready-identical-${sha.slice(0, 12)}`);
const cacheFile = path.join(cacheDir, `outputs-${listHash}.json`);

let reference;
if (fs.existsSync(cacheFile)) {
  reference = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
} else {
  console.log(`building and running ${options.base} (${sha.slice(0, 12)}) for the reference...`);
  const baseCli = buildBase(sha, path.join(cacheDir, 'tree'));
  reference = await outputsOf(baseCli, list);
  fs.writeFileSync(cacheFile, JSON.stringify(reference));
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dab-ready-identical-work-'));
try {
  const currentCli = bundleCli(repo, path.join(workDir, 'cli.mjs'));
  const current = await outputsOf(currentCli, list);
  const differing = [];
  for (const key of Object.keys(reference)) {
    const a = reference[key], b = current[key];
    for (const field of ['code', 'stdout', 'stderr']) {
      if (!b || a[field] !== b[field]) differing.push({ key, field, before: a[field], after: b?.[field] });
    }
  }
  const total = Object.keys(reference).length;
  if (differing.length === 0) {
    console.log(`identical: ${total} outputs (${list.length} bundles x json and text) byte-identical to ${options.base} (${sha.slice(0, 12)})`);
  } else {
    for (const d of differing.slice(0, 20)) {
      console.log(`DIFFERS ${d.key} [${d.field}]`);
      const before = String(d.before).split('\n'), after = String(d.after ?? '').split('\n');
      const i = before.findIndex((line, n) => line !== after[n]);
      console.log(`  first differing line ${i + 1}:\n  - ${before[i]}\n  + ${after[i]}`);
    }
    console.log(`${differing.length} differences in ${new Set(differing.map((d) => d.key)).size} of ${total} outputs`);
    process.exitCode = 1;
  }
} finally {
  fs.rmSync(workDir, { recursive: true, force: true });
}
