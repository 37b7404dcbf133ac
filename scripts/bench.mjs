// npm run bench            analysis time vs the floor (read + parse the same files), peak memory, 1x and 4x
// npm run bench -- --verify  the time --verify adds over running the same commands by hand
// npm run bench -- --budgets the time budgets of bench/budgets/ (loader at scale, sync matcher, source scanner)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

const FLOOR = `
import { readdirSync, readFileSync } from 'node:fs';
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
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', ...argv], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const rssKb = Number(r.stderr.trim().split('\n').pop());
  return { ms, rssMb: rssKb / 1024 };
}

const floorScript = path.join(repo, 'scripts', '.bench-floor.mjs');
writeFileSync(floorScript, FLOOR);
const results = [];
try {
  for (const scale of [1, 4]) {
    const dir = mkdtempSync(path.join(os.tmpdir(), `dab-ready-bench-${scale}x-`));
    try {
      generate(dir, scale);
      const floor = [], analysis = [];
      for (let i = 0; i < 3; i++) {
        floor.push(timed([process.execPath, floorScript, dir], repo));
        analysis.push(timed([process.execPath, path.join(repo, 'dist/cli/index.js'), 'check', dir, '--format', 'json', '--output', path.join(dir, 'out.json'), '--fail-on', 'none'], repo));
      }
      const best = (xs) => xs.reduce((a, b) => (b.ms < a.ms ? b : a));
      const f = best(floor), a = best(analysis);
      results.push({ scale, jobs: JOBS * scale, tasks: JOBS * scale * TASKS_PER_JOB, notebooks: NOTEBOOKS * scale, floorMs: f.ms, analysisMs: a.ms, ratio: a.ms / f.ms, peakMb: a.rssMb });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  rmSync(floorScript, { force: true });
}
for (const r of results) {
  console.log(`${r.scale}x: ${r.jobs} jobs, ${r.tasks} tasks, ${r.notebooks} notebooks, 3 targets: analysis ${r.analysisMs.toFixed(0)} ms, floor ${r.floorMs.toFixed(0)} ms, ratio ${r.ratio.toFixed(2)}x, peak ${r.peakMb.toFixed(0)} MiB`);
}
if (results.length === 2) console.log(`growth 4x repository: ${(results[1].analysisMs / results[0].analysisMs).toFixed(2)}x time (goal ≤ 4.4x), ratio to floor at 1x ${results[0].ratio.toFixed(2)} (goal ≤ 1.5)`);
