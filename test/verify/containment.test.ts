// Repository code is hostile: each case is a tiny bundle whose setup.py (or entry point, or artifact
// build line) attacks dab-ready, run through the real CLI (and the real action entry) as a child
// process with real Python. Every case checks: the run ends within its timeout + 5 s, dab-ready's
// peak memory stays under 200 MB, no process dab-ready started survives, no temporary folder is left,
// the analysed repository is byte-identical, and the finding says what happened. The peak memory of
// the whole process tree (dab-ready plus every process carrying its marker, Pss and Rss summed at each
// 50 ms sample; Rss counts shared library pages once per process) is measured for the table too.
// Set DAB_READY_CONTAIN_TABLE=1 to print the measurements as a Markdown table (with the load average).
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listProcesses, PROC_AVAILABLE } from '../../src/verify/processes.js';
import { BUILD_PYTHON } from '../support/python.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PYTHON = BUILD_PYTHON;
const ROLLDOWN = path.join(REPO, 'node_modules/.bin/rolldown');
const canRun = PROC_AVAILABLE && fs.existsSync(PYTHON) && fs.existsSync(ROLLDOWN);
const NEEDS = { meta: { skipReason: 'needs Linux /proc, a build Python and rolldown (dev dependency of vitest)' } };

/** Planted in dab-ready's environment: none may reach repository code. */
const SECRETS: Record<string, string> = {
  DATABRICKS_TOKEN: 'dapi-planted-databricks-token-0001',
  DATABRICKS_CLIENT_SECRET: 'planted-client-secret-0002',
  GITHUB_TOKEN: 'ghs_plantedGithubToken0003',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'planted-oidc-request-token-0004',
  ACTIONS_RUNTIME_TOKEN: 'planted-runtime-token-0005',
  ARM_CLIENT_SECRET: 'planted-arm-secret-0006',
  AWS_SECRET_ACCESS_KEY: 'planted-aws-secret-0007',
  'INPUT_GITHUB-TOKEN': 'planted-input-token-0008',
  PYTHON_SERVICE_API_KEY: 'planted-python-key-0009',
  PIP_INDEX_PASSWORD: 'planted-pip-password-0010',
};

let scratch: string;
let cli: string;
let action: string;
let fakeHome: string;
const table: string[] = [];

beforeAll(() => {
  if (!canRun) return;
  scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dab-ready-contain-test-')));
  // Bundled with rolldown (under a second); test/dist.test.ts covers the committed ncc build. One file
  // each: the entries load their commands on demand, which would otherwise become separate chunks.
  for (const [entry, out] of [['src/cli.ts', 'cli.mjs'], ['src/main.ts', 'action.mjs']]) {
    execFileSync(ROLLDOWN, [entry, '-f', 'esm', '-p', 'node', '--no-codeSplitting', '-o', path.join(scratch, 'bin', out)], { cwd: REPO, stdio: 'ignore' });
  }
  cli = path.join(scratch, 'bin', 'cli.mjs');
  action = path.join(scratch, 'bin', 'action.mjs');
  fakeHome = path.join(scratch, 'home');
  fs.mkdirSync(fakeHome);
  fs.writeFileSync(path.join(fakeHome, '.databrickscfg'), '[DEFAULT]\nhost = https://planted.cloud.databricks.com\ntoken = dapi-planted-cfg-token-0011\n');
  fs.writeFileSync(path.join(fakeHome, '.netrc'), 'machine example.com login x password planted-netrc-0012\n');
});

afterAll(() => {
  if (table.length > 0 && process.env.DAB_READY_CONTAIN_TABLE) {
    const load = os.loadavg().map((l) => l.toFixed(2)).join(', ');
    console.log([`Load average at the end (1, 5, 15 min): ${load}; ${os.cpus().length} cores`, '', '| case | time | peak memory: dab-ready (VmHWM) / process tree (sum of Pss) / process tree (sum of Rss) | survivors | verdict |', '|---|---|---|---|---|', ...table].join('\n'));
  }
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

const WHEEL_TASK = `bundle:
  name: hostile
resources:
  jobs:
    j:
      name: j
      tasks:
        - task_key: run
          python_wheel_task:
            package_name: hostile_pkg
            entry_point: run
`;

const SETUP_TAIL = `
from setuptools import setup
setup(name="hostile_pkg", version="0.1", packages=["hostile_pkg"], entry_points={"console_scripts": ["run=hostile_pkg:run"]})
`;

interface Bundle {
  dir: string;
  /** Written by the hostile code, outside the repository. */
  dumps: string;
}

/** A git repository holding one bundle; `files` are added to it. */
function bundle(name: string, files: Record<string, string>): Bundle {
  const dir = path.join(scratch, 'repos', name);
  const dumps = path.join(scratch, 'dumps', name);
  fs.mkdirSync(dumps, { recursive: true });
  const all: Record<string, string> = {
    'databricks.yml': WHEEL_TASK,
    'hostile_pkg/__init__.py': 'def run():\n    print("ran")\n',
    ...files,
  };
  for (const [rel, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text.replaceAll('@DUMPS@', dumps));
  }
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'hostile');
  return { dir, dumps };
}

/** Everything that identifies the tree: git's view (with ignored files) and every file's bytes outside .git. */
function treeState(dir: string): string {
  const status = execFileSync('git', ['status', '--porcelain', '--ignored', '--untracked-files=all'], { cwd: dir, encoding: 'utf8' });
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      if (name === '.git') continue;
      const p = path.join(d, name);
      const st = fs.lstatSync(p);
      hash.update(`${path.relative(dir, p)}\0${st.mode}\0`);
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) hash.update(fs.readFileSync(p));
    }
  };
  walk(dir);
  return `${status}\n${hash.digest('hex')}`;
}

/** Live processes started by the dab-ready process `pid` (its marker prefix), or carrying `tag` on their command line. */
function survivors(pid: number, tag: string): number[] {
  const found: number[] = [];
  for (const p of listProcesses()) {
    if (p.state === 'Z' || p.pid === process.pid) continue;
    try {
      const environ = fs.readFileSync(`/proc/${p.pid}/environ`, 'latin1');
      const cmdline = fs.readFileSync(`/proc/${p.pid}/cmdline`, 'latin1');
      if (environ.includes(`DAB_READY_RUN=${pid}.`) || cmdline.includes(tag)) found.push(p.pid);
    } catch {
      // another user's process, or gone
    }
  }
  return found;
}

/** Resident (Rss) and proportional (Pss: shared pages divided among their sharers) memory of a process in kB; 0 when it is gone. */
function memoryKb(pid: number): { rss: number; pss: number } {
  try {
    const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0);
    return { rss: field('Rss'), pss: field('Pss') };
  } catch {
    return { rss: 0, pss: 0 };
  }
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory of the dab-ready process (VmHWM), in MB. */
  peakMb: number;
  /** Peaks of the summed Pss and Rss of dab-ready and every process carrying its marker, in MB. */
  treePssMb: number;
  treeRssMb: number;
  survivors: number[];
  tmpLeft: string[];
}

interface RunOptions {
  args?: string[];
  env?: NodeJS.ProcessEnv;
  /** Send this signal once a program dab-ready started is running setup.py. */
  signal?: NodeJS.Signals;
  /** What Node runs instead of `check --verify` (the action, another format). */
  argv?: string[];
  tag: string;
}

/** Run the CLI (or the action) on `dir` as a child, watching its memory; kill whatever survives afterwards. */
async function runDabReady(dir: string, options: RunOptions): Promise<Run> {
  const tmp = fs.mkdtempSync(path.join(scratch, 'tmp-'));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: fakeHome, LANG: 'C.UTF-8', TMPDIR: tmp, ...SECRETS, ...options.env };
  const argv = options.argv ?? [cli, 'check', dir, '--verify', '--python', PYTHON, '--no-isolation', '--no-deps', '--format', 'json', ...(options.args ?? [])];
  const started = Date.now();
  const child = spawn(process.execPath, argv, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid!;
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  let peakKb = 0;
  const treePeakKb = { rss: 0, pss: 0 };
  let signalled = false;
  const watch = setInterval(() => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
    } catch {
      // exited
    }
    const tree = survivors(pid, options.tag);
    const sum = { rss: 0, pss: 0 };
    for (const p of [pid, ...tree]) {
      const m = memoryKb(p);
      sum.rss += m.rss;
      sum.pss += m.pss;
    }
    treePeakKb.rss = Math.max(treePeakKb.rss, sum.rss);
    treePeakKb.pss = Math.max(treePeakKb.pss, sum.pss);
    if (options.signal && !signalled && tree.length > 0 && /setup\.py|_in_process/.test(runningCommands(pid))) {
      signalled = true;
      child.kill(options.signal);
    }
  }, 50);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c, s) => resolve(c ?? (s ? -1 : null))));
  clearInterval(watch);
  const ms = Date.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 300)); // a straggler would still be there
  const left = survivors(pid, options.tag);
  for (const p of left) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // gone
    }
  }
  const tmpLeft = fs.readdirSync(tmp);
  fs.rmSync(tmp, { recursive: true, force: true });
  return { code, stdout, stderr, ms, peakMb: Math.round(peakKb / 1024), treePssMb: Math.round(treePeakKb.pss / 1024), treeRssMb: Math.round(treePeakKb.rss / 1024), survivors: left, tmpLeft };
}

function runningCommands(pid: number): string {
  return listProcesses()
    .filter((p) => {
      try {
        return fs.readFileSync(`/proc/${p.pid}/environ`, 'latin1').includes(`DAB_READY_RUN=${pid}.`);
      } catch {
        return false;
      }
    })
    .map((p) => {
      try {
        return fs.readFileSync(`/proc/${p.pid}/cmdline`, 'latin1');
      } catch {
        return '';
      }
    })
    .join('\n');
}

interface Report {
  bundles: { findings: { check: string; message: string; evidence?: string }[]; verification: { step: string; status: string; detail: string }[] }[];
}

function report(run: Run): Report {
  try {
    return JSON.parse(run.stdout) as Report;
  } catch {
    throw new Error(`not a JSON report (exit ${run.code}):\n${run.stdout.slice(0, 500)}\n${run.stderr.slice(-2000)}`);
  }
}

/** The limits every case must hold; records the measurements. */
function holdsLimits(name: string, run: Run, timeoutS: number, before: string, dir: string, verdict: string): void {
  table.push(`| ${name} | ${(run.ms / 1000).toFixed(1)} s | ${run.peakMb} MB / ${run.treePssMb} MB / ${run.treeRssMb} MB | ${run.survivors.length} | ${verdict} |`);
  expect(run.ms, name).toBeLessThan((timeoutS + 5) * 1000);
  expect(run.peakMb, name).toBeGreaterThan(0);
  expect(run.peakMb, name).toBeLessThan(200);
  expect(run.survivors, name).toEqual([]);
  expect(run.tmpLeft, name).toEqual([]);
  expect(treeState(dir), name).toBe(before);
}

const buildFinding = (r: Report) => r.bundles[0].findings.find((f) => f.check === 'wheel-build-failed');
const leftFinding = (r: Report) => r.bundles[0].findings.find((f) => f.check === 'background-process-left');
const buildStep = (r: Report) => r.bundles[0].verification.find((s) => s.step === 'build')!;

/** A setup.py that writes `block` (a Python bytes expression of 1 MB) 1024 times, then a line END-OF-GIGABYTE, then hangs. */
function gigabyteSetup(block: string): string {
  return `import sys, time
block = ${block}
for _ in range(1024):
    sys.stdout.buffer.write(block)
sys.stdout.buffer.write(b"\\nEND-OF-GIGABYTE\\n")
sys.stdout.flush()
time.sleep(600)
`;
}

/** A setup.py that forks a `setsid` daemon (with `tag` on its command line) before building. */
function daemonSetup(tag: string, keepStdout: boolean): string {
  return `import os, sys
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        ${keepStdout ? 'pass' : 'fd = os.open(os.devnull, os.O_RDWR); [os.dup2(fd, n) for n in (0, 1, 2)]'}
        os.execv(sys.executable, [sys.executable, "-c", "import time\\nwhile True: time.sleep(1)", ${JSON.stringify(tag)}])
    os._exit(0)
${SETUP_TAIL}`;
}

describe.skipIf(!canRun)('containment: hostile repository code through the CLI', NEEDS, () => {
  it('no planted secret reaches setup.py, the entry point or an artifact build line; HOME is a fresh empty folder', async () => {
    const dump = (file: string) => `import json, os
with open(os.path.join("@DUMPS@", ${JSON.stringify(file)}), "w") as out:
    json.dump({"env": dict(os.environ), "home_files": os.listdir(os.path.expanduser("~")), "home": os.path.expanduser("~")}, out)
`;
    const b = bundle('env-dump', {
      'setup.py': `${dump('setup.json')}${SETUP_TAIL}`,
      'hostile_pkg/__init__.py': `def run():\n${dump('entry.json').replace(/^/gm, '    ')}\n`,
    });
    const before = treeState(b.dir);
    const run = await runDabReady(b.dir, { args: ['--timeout', '60'], tag: 'env-dump' });
    holdsLimits('setup.py and entry point dump their environment', run, 60, before, b.dir, 'no secret in either dump; HOME fresh and empty');
    const r = report(run);
    expect(r.bundles[0].verification.map((s) => [s.step, s.status])).toEqual([
      ['build', 'passed'],
      ['inspect', 'passed'],
      ['smoke', 'passed'],
      ['smoke', 'passed'],
    ]);
    for (const file of ['setup.json', 'entry.json']) {
      const text = fs.readFileSync(path.join(b.dumps, file), 'utf8');
      const { env, home, home_files: homeFiles } = JSON.parse(text) as { env: Record<string, string>; home: string; home_files: string[] };
      for (const value of [...Object.values(SECRETS), 'dapi-planted-cfg-token-0011', 'planted-netrc-0012']) expect(text, file).not.toContain(value);
      expect(Object.keys(env).filter((k) => /^(DATABRICKS|GITHUB|ACTIONS|INPUT|ARM|AWS)_|_(TOKEN|SECRET|PASSWORD|KEY)$/.test(k))).toEqual([]);
      expect(home).not.toBe(fakeHome);
      expect(home).not.toBe(os.homedir());
      expect(homeFiles).toEqual([]);
      expect(fs.existsSync(home)).toBe(false);
      expect(env.PATH).toBeTruthy();
    }
  });

  it('an artifact build line gets the same allow-listed environment', async () => {
    const b = bundle('artifact-env', {
      'databricks.yml': `${WHEEL_TASK}artifacts:\n  default:\n    type: whl\n    path: .\n    build: python3 dump_env.py && python3 -m build --wheel\n`,
      'dump_env.py': 'import json, os\nopen(os.path.join("@DUMPS@", "artifact.json"), "w").write(json.dumps(dict(os.environ)))\n',
      'setup.py': SETUP_TAIL,
    });
    const before = treeState(b.dir);
    const run = await runDabReady(b.dir, { args: ['--timeout', '60'], tag: 'artifact-env' });
    holdsLimits('artifact build line dumps its environment', run, 60, before, b.dir, 'no secret; the build wrote dist/ in the copy only');
    expect(buildStep(report(run))).toMatchObject({ status: 'passed', detail: 'built dist/hostile_pkg-0.1-py3-none-any.whl' });
    const text = fs.readFileSync(path.join(b.dumps, 'artifact.json'), 'utf8');
    for (const value of Object.values(SECRETS)) expect(text).not.toContain(value);
    expect(JSON.parse(text).HOME).not.toBe(fakeHome);
  });

  it('one line of 200,000 characters: the build runs at full speed and passes', async () => {
    const b = bundle('long-line', { 'setup.py': `print("x" * 200000, flush=True)\n${SETUP_TAIL}` });
    const before = treeState(b.dir);
    const run = await runDabReady(b.dir, { args: ['--timeout', '15'], tag: 'long-line' });
    holdsLimits('setup.py prints one 200,000-character line', run, 15, before, b.dir, 'build passed');
    expect(buildStep(report(run)).status).toBe('passed');
  });

  it('1 GB of lines: bounded memory, the last lines kept, the timeout holds', async () => {
    const b = bundle('gigabyte-lines', { 'setup.py': gigabyteSetup('(b"y" * 1023 + b"\\n") * 1024') });
    const before = treeState(b.dir);
    const run = await runDabReady(b.dir, { args: ['--timeout', '12'], tag: 'gigabyte-lines' });
    holdsLimits('setup.py prints 1 GB of lines, then hangs', run, 12, before, b.dir, 'timed out; last lines kept');
    const finding = buildFinding(report(run))!;
    expect(finding.message).toContain('build failed (timed out after 12 s)');
    expect(finding.evidence).toContain('END-OF-GIGABYTE');
  });

  it('1 GB without a newline: the line is cut, memory stays bounded, the finding says so', async () => {
    const b = bundle('gigabyte-no-newline', { 'setup.py': gigabyteSetup('b"z" * (1024 * 1024)') });
    const before = treeState(b.dir);
    const run = await runDabReady(b.dir, { args: ['--timeout', '12'], tag: 'gigabyte-no-newline' });
    holdsLimits('setup.py prints 1 GB without a newline, then hangs', run, 12, before, b.dir, 'timed out; the line cut at 4,096 characters');
    const finding = buildFinding(report(run))!;
    expect(finding.message).toMatch(/build failed \(timed out after 12 s; \d+ MB of output with .*1,073,741,824 characters.*cut by dab-ready\)/);
    expect(finding.evidence).toContain('END-OF-GIGABYTE');
  });

  it('a setup.py that sleeps forever is ended at the timeout', async () => {
    const b = bundle('sleeps', { 'setup.py': `import time\ntime.sleep(100000)\n${SETUP_TAIL}` });
    const before = treeState(b.dir);
    const run = await runDabReady(b.dir, { args: ['--timeout', '3'], tag: 'sleeps' });
    holdsLimits('setup.py sleeps forever', run, 3, before, b.dir, 'timed out, whole group ended');
    expect(buildFinding(report(run))!.message).toContain('build failed (timed out after 3 s)');
  });

  for (const keepStdout of [true, false]) {
    const name = keepStdout ? 'setsid-daemon-keeps-stdout' : 'setsid-daemon-closes-stdout';
    it(`a setsid daemon that ${keepStdout ? 'keeps' : 'closes'} stdout: dab-ready does not wait for it, ends it and reports it`, async () => {
      const tag = `${name}-${process.pid}`;
      const b = bundle(name, { 'setup.py': daemonSetup(tag, keepStdout) });
      const before = treeState(b.dir);
      const run = await runDabReady(b.dir, { args: ['--timeout', '20'], tag });
      holdsLimits(`setup.py forks a setsid daemon that ${keepStdout ? 'keeps' : 'closes'} stdout`, run, 20, before, b.dir, 'build passed; daemons ended and reported');
      const r = report(run);
      expect(buildStep(r).status).toBe('passed');
      const left = leftFinding(r)!;
      // python -m build runs setup.py twice (requirements, then the wheel): two daemons.
      expect(left.message).toMatch(/^the wheel build in \. \(`python -m build --wheel`\) left (a background process|2 background processes) running \(.*\); dab-ready ended (it|them)$/);
      expect(left.evidence).toContain(tag);
    });
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} during a slow build: exit ${signal === 'SIGINT' ? 130 : 143}, one line, no survivor, no temporary folder`, async () => {
      const tag = `interrupted-${signal}-${process.pid}`;
      const b = bundle(`interrupted-${signal}`, { 'setup.py': `import sys, time\nprint(${JSON.stringify(tag)}, flush=True)\ntime.sleep(100000)\n` });
      const before = treeState(b.dir);
      const run = await runDabReady(b.dir, { args: ['--timeout', '120'], signal, tag });
      holdsLimits(`${signal} during a slow build`, run, 120, before, b.dir, `exit ${run.code}`);
      expect(run.code).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^dab-ready: interrupted by ${signal} while running the wheel build in \\.; it was stopped, \\d+ temporary folders removed$`));
    });
  }

  it('include ["../../../../*/*/*/*/*/*/*/*.yml"] through the CLI: a finding at once, no file outside named in any format', async () => {
    const outsideName = `outside-${process.pid}`;
    const deep = path.join(scratch, 'q', 'w', 'e', 'r', 't', 'y');
    fs.mkdirSync(deep, { recursive: true });
    fs.writeFileSync(path.join(deep, `${outsideName}.yml`), 'resources:\n  jobs:\n    stolen_job:\n      name: stolen\n');
    // The repository is scratch/repos/walk-escape: ../.. is the scratch folder, where the planted file lies.
    const b = bundle('walk-escape', { 'databricks.yml': `bundle:\n  name: walk\ninclude:\n  - "../../../../*/*/*/*/*/*/*/*.yml"\n  - ../../q/w/e/r/t/y/*.yml\n` });
    const before = treeState(b.dir);
    const outputs: string[] = [];
    for (const format of ['json', 'text', 'markdown', 'sarif', 'github', 'junit']) {
      // The whole CLI process, Node's start included; the analysis itself within a second is pinned in
      // test/project/walk-containment.test.ts.
      const run = await runDabReady(b.dir, { argv: [cli, 'check', b.dir, '--format', format], tag: outsideName });
      holdsLimits(`include \`../../../../*/*/*/*/*/*/*/*.yml\`, --format ${format}`, run, 0, before, b.dir, 'finding; nothing outside listed or named');
      if (format === 'json') {
        expect(report(run).bundles[0].findings.filter((f) => f.check === 'include-outside-repository').map((f) => f.message)).toEqual([
          'include `../../../../*/*/*/*/*/*/*/*.yml` points outside the repository: not read, so its resources are not analysed',
          'include `../../q/w/e/r/t/y/*.yml` points outside the repository: not read, so its resources are not analysed',
        ]);
      }
      const output = `${run.stdout}\n${run.stderr}`;
      expect(output, format).toMatch(/include-outside-repository|Includes stay inside the repository/);
      outputs.push(output);
    }
    expect(outputs.join('\n')).not.toContain(outsideName);
    expect(outputs.join('\n')).not.toContain('stolen');
  });

  it('the action on SIGTERM during a slow build: exit 143, one error line, no survivor, no temporary folder', async () => {
    const tag = `action-interrupted-${process.pid}`;
    const b = bundle('action-interrupted', { 'setup.py': `import time\nprint(${JSON.stringify(tag)}, flush=True)\ntime.sleep(100000)\n` });
    const before = treeState(b.dir);
    const runnerTemp = fs.mkdtempSync(path.join(scratch, 'runner-temp-'));
    const inputs: Record<string, string> = { mode: 'check', path: '.', verify: 'true', python: PYTHON, 'build-isolation': 'false', 'install-deps': 'false', validate: 'off', comment: 'false', summary: 'false', annotations: 'false', sarif: '', 'fail-on': 'critical' };
    const env: NodeJS.ProcessEnv = { GITHUB_WORKSPACE: b.dir, RUNNER_TEMP: runnerTemp };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    const run = await runDabReady(b.dir, { argv: [action], env, signal: 'SIGTERM', tag });
    holdsLimits('the action, SIGTERM during a slow build', run, 600, before, b.dir, `exit ${run.code}`);
    expect(run.code).toBe(143);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^::error::dab-ready: interrupted by SIGTERM while running the wheel build in \.; it was stopped, \d+ temporary folders removed$/);
    expect(fs.readdirSync(runnerTemp)).toEqual([]);
  });
});
