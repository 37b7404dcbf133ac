// npm run bench -- --verify
// The time `dab-ready check --verify` takes on examples/entity-matching-fixed against the same work
// done by hand (build the wheel offline, a clean venv, pip install --no-deps, the entry point with
// --help), and the overhead in %. Options: --runs N (default 3), --python PATH (default
// /usr/bin/python3), --cli PATH (default dist/cli/index.js; or DAB_READY_CLI).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('--runs', '3'));
const python = arg('--python', '/usr/bin/python3');
const cli = path.resolve(arg('--cli', process.env.DAB_READY_CLI ?? path.join(repo, 'dist/cli/index.js')));
const example = path.join(repo, 'examples/entity-matching-fixed');

if (!existsSync(cli)) {
  console.error(`bench-verify: ${cli} not found (npm run build first, or --cli PATH)`);
  process.exit(2);
}
if (!existsSync(example)) {
  console.error(`bench-verify: ${example} not found`);
  process.exit(2);
}

function exec(argv, cwd) {
  const r = spawnSync(argv[0], argv.slice(1), { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.error) throw new Error(`${argv.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}:\n${(r.stdout + r.stderr).slice(-3000)}`);
  return r;
}

function timed(fn) {
  const started = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function freshCopy() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dab-ready-bench-verify-'));
  cpSync(example, dir, { recursive: true, filter: (src) => !/(^|\/)(dist|build|[^/]*\.egg-info|\.venv)$/.test(src) });
  return dir;
}

/** By hand: what a careful engineer runs before deploying (the seed's "Verify wheel created / train_ditto --help"). */
function byHand() {
  const dir = freshCopy();
  const venv = mkdtempSync(path.join(os.tmpdir(), 'dab-ready-bench-venv-'));
  try {
    const phases = {};
    phases.build = timed(() => exec([python, '-m', 'build', '--wheel', '--no-isolation'], dir));
    const wheel = path.join(dir, 'dist', readdirSync(path.join(dir, 'dist')).find((f) => f.endsWith('.whl')));
    phases.install = timed(() => {
      exec([python, '-m', 'venv', '--without-pip', path.join(venv, 'venv')], venv);
      exec([python, '-m', 'pip', '--python', path.join(venv, 'venv/bin/python'), 'install', '--no-deps', wheel], venv);
    });
    phases.smoke = timed(() => exec([path.join(venv, 'venv/bin/train_ditto'), '--help'], venv));
    return { total: phases.build + phases.install + phases.smoke, phases };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(venv, { recursive: true, force: true });
  }
}

/** dab-ready: the whole check (load, static checks, build, inspect, venv, install, --help, report). */
function withTool(verify) {
  const dir = freshCopy();
  const out = path.join(os.tmpdir(), `dab-ready-bench-verify-${process.pid}.json`);
  try {
    const argv = [process.execPath, cli, 'check', dir, '--format', 'json', '--output', out, '--fail-on', 'none'];
    if (verify) argv.push('--verify', '--no-isolation', '--no-deps', '--python', python);
    const total = timed(() => exec(argv, repo));
    const result = JSON.parse(readFileSync(out, 'utf8'));
    const steps = result.bundles.flatMap((b) => b.verification ?? []);
    if (verify) {
      const failed = steps.filter((s) => s.status !== 'passed');
      if (steps.length === 0 || failed.length > 0) throw new Error(`verification did not pass: ${JSON.stringify(failed.length ? failed : steps)}`);
    }
    const phases = {};
    for (const s of steps) phases[s.step] = (phases[s.step] ?? 0) + s.durationMs;
    return { total, phases };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { force: true });
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const hand = [];
const tool = [];
const analysis = [];
withTool(true); // warm the page cache and Python's imports once, for both sides
for (let i = 0; i < runs; i++) {
  hand.push(byHand());
  tool.push(withTool(true));
  analysis.push(withTool(false));
}
const h = median(hand.map((r) => r.total));
const t = median(tool.map((r) => r.total));
const a = median(analysis.map((r) => r.total));
const fmt = (ms) => `${ms.toFixed(0)} ms`;
const phaseLine = (rs) => {
  const keys = [...new Set(rs.flatMap((r) => Object.keys(r.phases)))];
  return keys.map((k) => `${k} ${fmt(median(rs.map((r) => r.phases[k] ?? 0)))}`).join(', ');
};
console.log(`examples/entity-matching-fixed, ${runs} runs, medians (python ${python}, offline: --no-isolation, --no-deps)`);
console.log(`  by hand (build, venv + pip install, train_ditto --help): ${fmt(h)}  [${phaseLine(hand)}]`);
console.log(`  dab-ready check --verify:                                ${fmt(t)}  [steps: ${phaseLine(tool)}]`);
console.log(`  dab-ready check (no --verify, analysis + report only):   ${fmt(a)}`);
console.log(`  overhead of --verify over the same commands by hand: ${fmt(t - h)} (${(((t - h) / h) * 100).toFixed(1)}%)`);
console.log(`  of which the analysis and report alone: ${fmt(a)}; --verify itself: ${fmt(t - a)} vs ${fmt(h)} by hand (${(((t - a - h) / h) * 100).toFixed(1)}%)`);
