// npm run bench            analysis time vs the floor (read + parse the same files), peak memory, 1x and 4x
//   --runs N                 runs of each, interleaved tool/floor (default 5); the minimum is reported
//   --scales 1,4             repository sizes (default 1,4)
//   --cli PATH               the CLI to measure (default dist/cli/index.js; or DAB_READY_CLI)
//   --one-file JOBS          instead: one resources file of JOBS jobs (74000 is just under the 10 MB cap)
//   --startup                instead: `dab-ready --version` and the action's entry vs bare `node -e 0`
//   --generate DIR           instead: write the repository (--scales' first size, or --one-file JOBS) to DIR, e.g. to profile
// npm run bench -- --verify  the time --verify adds over running the same commands by hand
// npm run bench -- --budgets the time budgets of bench/budgets/ (loader at scale, sync matcher, source scanner)
// The machine may be shared: the load average before and after is printed with the figures.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv.includes('--verify')) {
  const r = spawnSync(process.execPath, [path.join(repo, 'scripts', 'bench-verify.mjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
if (process.argv.includes('--budgets')) {
  const vitest = path.join(repo, 'node_modules', '.bin', 'vitest');
  const r = spawnSync(vitest, ['run', '--config', 'vitest.budgets.config.ts'], { cwd: repo, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg('--runs', '5'));
const SCALES = arg('--scales', '1,4').split(',').map(Number);
const cli = path.resolve(arg('--cli', process.env.DAB_READY_CLI ?? path.join(repo, 'dist/cli/index.js')));
if (!process.argv.includes('--generate') && !existsSync(cli)) {
  console.error(`bench: ${cli} not found (npm run build first, or --cli PATH)`);
  process.exit(2);
}
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

const JOBS = 2000;
const TASKS_PER_JOB = 5;
const NOTEBOOKS = 5000;
const JOBS_PER_FILE = 10;

function generate(dir, scale) {
  const jobs = JOBS * scale;
  const notebooks = NOTEBOOKS * scale;
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  mkdirSync(path.join(dir, 'notebooks'), { recursive: true });
  writeFileSync(
    path.join(dir, 'databricks.yml'),
    `bundle:\n  name: bench\ninclude:\n  - resources/*.yml\nvariables:\n  catalog:\n    default: main\n` +
      `targets:\n  dev:\n    default: true\n    mode: development\n    workspace:\n      host: https://dev.example.cloud.databricks.com\n` +
      `  staging:\n    workspace:\n      host: https://stg.example.cloud.databricks.com\n    variables:\n      catalog: stg\n` +
      `  prod:\n    mode: production\n    workspace:\n      host: https://prod.example.cloud.databricks.com\n      root_path: /Workspace/prod/bench\n    variables:\n      catalog: prod\n`,
  );
  for (let n = 0; n < notebooks; n++) {
    writeFileSync(path.join(dir, 'notebooks', `nb_${n}.py`), `# Databricks notebook source\nimport pyspark\ncatalog = dbutils.widgets.get("catalog")\nprint(catalog)\n`);
  }
  for (let f = 0; f < jobs / JOBS_PER_FILE; f++) {
    let yaml = 'resources:\n  jobs:\n';
    for (let j = 0; j < JOBS_PER_FILE; j++) {
      const job = f * JOBS_PER_FILE + j;
      yaml += `    job_${job}:\n      name: job ${job} \${bundle.target}\n      job_clusters:\n        - job_cluster_key: c\n          new_cluster:\n            spark_version: 15.4.x-scala2.12\n            node_type_id: i3.xlarge\n            num_workers: 2\n      tasks:\n`;
      for (let t = 0; t < TASKS_PER_JOB; t++) {
        const nb = (job * TASKS_PER_JOB + t) % notebooks;
        yaml += `        - task_key: t${t}\n          job_cluster_key: c\n` + (t ? `          depends_on:\n            - task_key: t${t - 1}\n` : '') +
          `          notebook_task:\n            notebook_path: ../notebooks/nb_${nb}.py\n            base_parameters:\n              catalog: \${var.catalog}\n`;
      }
    }
    writeFileSync(path.join(dir, 'resources', `jobs_${f}.yml`), yaml);
  }
}

/** One resources file of `jobs` jobs shaped like the repository's (the one-file case of the issue; 74,000 make 9.4 MB). */
function generateOneFile(dir, jobs) {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  mkdirSync(path.join(dir, 'notebooks'), { recursive: true }); // empty: the floor reads the folder
  writeFileSync(path.join(dir, 'databricks.yml'), `bundle:\n  name: bench\ninclude:\n  - resources/*.yml\ntargets:\n  dev:\n    default: true\n    mode: development\n`);
  writeFileSync(path.join(dir, 'nb.py'), '# Databricks notebook source\nprint(1)\n');
  const parts = ['resources:\n  jobs:\n'];
  for (let job = 0; job < jobs; job++) {
    parts.push(`    job_${job}:\n      name: job ${job}\n      tasks:\n        - task_key: t\n          notebook_task:\n            notebook_path: ../nb.py\n`);
  }
  const text = parts.join('');
  writeFileSync(path.join(dir, 'resources', 'jobs.yml'), text);
  return text.length;
}

const FLOOR = `
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
const dir = process.argv[2];
const yamlFiles = ['databricks.yml', ...readdirSync(path.join(dir, 'resources')).map((f) => 'resources/' + f)];
let nodes = 0;
for (const f of yamlFiles) nodes += parseDocument(readFileSync(path.join(dir, f), 'utf8')).contents ? 1 : 0;
let bytes = 0;
for (const f of readdirSync(path.join(dir, 'notebooks'))) bytes += readFileSync(path.join(dir, 'notebooks', f), 'utf8').length;
console.log(nodes, bytes);
`;

function timed(argv, cwd) {
  const env = argv.env ? { ...process.env, ...argv.env } : process.env;
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', ...argv], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0 && !(r.status === 1 && argv.gateMayFail)) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const [rssKb, user, sys] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  // CPU time (user + system) as well as wall time: on a shared machine it is the steadier of the two.
  return { ms, cpuMs: (user + sys) * 1000, rssMb: rssKb / 1024 };
}

/** Min time and min peak RSS of `RUNS` interleaved runs of each command. */
function interleaved(commands, cwd) {
  const samples = commands.map(() => []);
  for (let i = 0; i < RUNS; i++) commands.forEach((argv, n) => samples[n].push(timed(argv, cwd)));
  return samples.map((xs) => ({ ms: Math.min(...xs.map((x) => x.ms)), cpuMs: Math.min(...xs.map((x) => x.cpuMs)), rssMb: Math.min(...xs.map((x) => x.rssMb)) }));
}

if (process.argv.includes('--generate')) {
  const dir = path.resolve(arg('--generate', 'bench-out'));
  if (process.argv.includes('--one-file')) generateOneFile(dir, Number(arg('--one-file', '74000')));
  else generate(dir, SCALES[0]);
  console.log(`generated ${dir}`);
  process.exit(0);
}

const analysisArgv = (dir) => [process.execPath, cli, 'check', dir, '--format', 'json', '--output', path.join(dir, 'out.json'), '--fail-on', 'none'];
// Beside the repository's node_modules (for `yaml`), one per run: benches may run side by side.
const floorScript = path.join(repo, 'scripts', `.bench-floor-${process.pid}.mjs`);
console.log(`cli ${path.relative(repo, cli)}, ${RUNS} runs each, interleaved; load average before: ${load()}`);

if (process.argv.includes('--startup')) {
  const action = path.join(path.dirname(path.dirname(cli)), 'index.js');
  const [bare, version, entry] = interleaved([
    [process.execPath, '-e', '0'],
    [process.execPath, cli, '--version'],
    // The action's entry, loaded and reading its inputs: an invalid `mode` input stops it right there.
    Object.assign([process.execPath, action], { env: { INPUT_MODE: 'startup-probe' }, gateMayFail: true }),
  ], repo);
  const both = (x) => `${x.ms.toFixed(0)} ms (CPU ${x.cpuMs.toFixed(0)})`;
  const over = (x) => `+${(x.ms - bare.ms).toFixed(0)}, CPU +${(x.cpuMs - bare.cpuMs).toFixed(0)}`;
  console.log(`startup: node -e 0 ${both(bare)}; dab-ready --version ${both(version)} (${over(version)}; goal ≤ +60); action entry ${both(entry)} (${over(entry)}; goal ≤ +150)`);
} else if (process.argv.includes('--one-file')) {
  const jobs = Number(arg('--one-file', '74000'));
  const dir = mkdtempSync(path.join(os.tmpdir(), `dab-ready-bench-onefile-`));
  writeFileSync(floorScript, FLOOR);
  try {
    const bytes = generateOneFile(dir, jobs);
    const [f, a] = interleaved([[process.execPath, floorScript, dir], analysisArgv(dir)], repo);
    console.log(`one file of ${jobs} jobs (${(bytes / 1024 / 1024).toFixed(1)} MB): analysis ${a.ms.toFixed(0)} ms (CPU ${a.cpuMs.toFixed(0)}), floor ${f.ms.toFixed(0)} ms (CPU ${f.cpuMs.toFixed(0)}), ratio ${(a.ms / f.ms).toFixed(2)}x, CPU ${(a.cpuMs / f.cpuMs).toFixed(2)}x (goal ≤ 2); peak ${a.rssMb.toFixed(0)} MiB (floor ${f.rssMb.toFixed(0)} MiB, goal < 600)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(floorScript, { force: true });
  }
} else {
  writeFileSync(floorScript, FLOOR);
  const results = [];
  try {
    for (const scale of SCALES) {
      const dir = mkdtempSync(path.join(os.tmpdir(), `dab-ready-bench-${scale}x-`));
      try {
        generate(dir, scale);
        const [f, a] = interleaved([[process.execPath, floorScript, dir], analysisArgv(dir)], repo);
        results.push({ scale, jobs: JOBS * scale, tasks: JOBS * scale * TASKS_PER_JOB, notebooks: NOTEBOOKS * scale, floor: f, analysis: a });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(floorScript, { force: true });
  }
  for (const r of results) {
    console.log(
      `${r.scale}x: ${r.jobs} jobs, ${r.tasks} tasks, ${r.notebooks} notebooks, 3 targets: analysis ${r.analysis.ms.toFixed(0)} ms (CPU ${r.analysis.cpuMs.toFixed(0)}), ` +
        `floor ${r.floor.ms.toFixed(0)} ms (CPU ${r.floor.cpuMs.toFixed(0)}), ratio ${(r.analysis.ms / r.floor.ms).toFixed(2)}x, CPU ${(r.analysis.cpuMs / r.floor.cpuMs).toFixed(2)}x (goal ≤ 1.3); peak ${r.analysis.rssMb.toFixed(0)} MiB, floor ${r.floor.rssMb.toFixed(0)} MiB, ratio ${(r.analysis.rssMb / r.floor.rssMb).toFixed(2)}x (goal ≤ 1.5)`,
    );
  }
  const one = results.find((r) => r.scale === 1), four = results.find((r) => r.scale === 4);
  if (one && four) console.log(`growth 4x repository: ${(four.analysis.ms / one.analysis.ms).toFixed(2)}x time, ${(four.analysis.cpuMs / one.analysis.cpuMs).toFixed(2)}x CPU (goal ≤ 4x)`);
}
console.log(`load average after: ${load()}`);
