// The embedded examples reproduce the seed gap analysis before and after its fixes. The whole
// static pipeline (real loader, every registered check, readiness) must report what the seed says:
// before = 65 with 2 critical + 2 high + 1 medium + 2 low, phases 0-1 ready, 2 blocked, 3-4 partial;
// after = 85 with no critical, phases 0-2 ready, 3-4 partial.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checks } from '../src/checks/index.js';
import { analyse } from '../src/engine.js';
import type { BundleResult, Finding, Severity } from '../src/model.js';
import { run } from '../src/verify/runner.js';
import { BUILD_PYTHON } from './support/python.js';

const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));
const WEIGHT: Record<Severity, number> = { critical: 10, high: 5, medium: 3, low: 1, info: 0 };

async function bundleResult(example: string): Promise<BundleResult> {
  const { result } = await analyse({ path: path.join(EXAMPLES, example) });
  expect(result.notices).toEqual([]);
  expect(result.bundles).toHaveLength(1);
  return result.bundles[0];
}

/** 100 − Σ over checks with ≥ 1 finding on the target of the severity weight. */
function formulaScore(findings: Finding[], target: string): number {
  const worstPerCheck = new Map<string, number>();
  for (const f of findings.filter((x) => x.targets.includes(target))) {
    worstPerCheck.set(f.check, Math.max(worstPerCheck.get(f.check) ?? 0, WEIGHT[f.severity]));
  }
  return 100 - [...worstPerCheck.values()].reduce((a, b) => a + b, 0);
}

/** One row per finding (check, severity, targets, resources, phase ids, file:line), sorted by check. */
function summary(findings: Finding[]) {
  return findings
    .map((f) => ({
      check: f.check,
      severity: f.severity,
      targets: [...f.targets].sort(),
      resources: f.resources ?? [],
      phases: f.phases,
      at: f.loc ? `${f.loc.file}:${f.loc.line}` : '',
    }))
    .sort((a, b) => a.check.localeCompare(b.check));
}

const VS_ENDPOINT = {
  check: 'vector-search-endpoint-missing',
  severity: 'high',
  targets: ['dev', 'prod'],
  resources: ['jobs.deploy_model', 'jobs.entity_matching_pipeline'],
  phases: ['3', '4'],
  at: 'resources/jobs_phase3_serving.yml:47',
};
const LOCAL_VS = {
  check: 'local-vector-search',
  severity: 'high',
  targets: ['dev', 'prod'],
  resources: ['jobs.entity_matching_pipeline'],
  phases: ['4'],
  at: 'src/models/vector_search.py:5',
};
const PIP = {
  check: 'library-deps-inconsistent',
  severity: 'medium',
  targets: ['dev', 'prod'],
  resources: ['jobs.entity_matching_pipeline'],
  phases: ['4'],
  at: 'notebooks/pipeline/03_vector_search_ditto.py:8',
};
const CLI = { check: 'cli-init-missing', severity: 'low', targets: ['dev', 'prod'], resources: [], phases: [], at: 'databricks.yml:4' };
const DLT = { check: 'dlt-pipeline-disabled', severity: 'low', targets: ['dev', 'prod'], resources: [], phases: [], at: 'resources/pipelines.yml:3' };

describe('examples/entity-matching (before the fixes)', () => {
  test('exactly the seed findings, each on the resources of its phase', async () => {
    const bundle = await bundleResult('entity-matching');
    expect(summary(bundle.findings)).toEqual([
      CLI,
      DLT,
      {
        check: 'entry-point-missing',
        severity: 'critical',
        targets: ['dev', 'prod'],
        resources: ['jobs.train_ditto_model'],
        phases: ['2'],
        at: 'resources/jobs_phase2_training.yml:26',
      },
      PIP,
      LOCAL_VS,
      VS_ENDPOINT,
      {
        check: 'wheel-not-built',
        severity: 'critical',
        targets: ['dev', 'prod'],
        resources: ['jobs.train_ditto_model'],
        phases: ['2'],
        at: 'resources/jobs_phase2_training.yml:24',
      },
    ]);
    const byCheck = new Map(bundle.findings.map((f) => [f.check, f]));
    expect(byCheck.get('entry-point-missing')!.message).toContain('entry point train_ditto of package entity_matching is declared nowhere');
    expect(byCheck.get('entry-point-missing')!.fix?.patch).toContain('# pyproject.toml\n[project.scripts]\ntrain_ditto = "entity_matching.cli:main"');
    expect(byCheck.get('entry-point-missing')!.fix?.patch).toContain('# entity_matching/cli.py (new)');
    expect(byCheck.get('wheel-not-built')!.fix?.patch).toContain('artifacts:\n  entity_matching_wheel:\n    type: whl\n    build: python3 -m build --wheel\n    path: .');
    expect(byCheck.get('wheel-not-built')!.fix?.patch).toContain('libraries:\n  - whl: ../dist/*.whl');
    expect(byCheck.get('vector-search-endpoint-missing')!.message).toContain('entity-matching-vs-${bundle.target}');
  });

  test('score 65 on every target (2 critical, 2 high, 1 medium, 2 low)', async () => {
    const bundle = await bundleResult('entity-matching');
    for (const target of ['dev', 'prod']) expect(formulaScore(bundle.findings, target)).toBe(65);
    expect(bundle.counts).toMatchObject({ critical: 2, high: 2, medium: 1, low: 2, info: 0 });
    expect(bundle.score).toBe(65);
  });

  test('phases 0-1 ready, 2 blocked, 3-4 partial', async () => {
    const bundle = await bundleResult('entity-matching');
    expect(bundle.phases.map((p) => [p.name, p.status])).toEqual([
      ['Phase 0: Setup', 'ready'],
      ['Phase 1: Data', 'ready'],
      ['Phase 2: Training', 'blocked'],
      ['Phase 3: Serving', 'partial'],
      ['Phase 4: Pipeline', 'partial'],
    ]);
  });
});

describe('examples/entity-matching-fixed (after the fixes)', () => {
  test('the critical findings are gone; the rest stays', async () => {
    const bundle = await bundleResult('entity-matching-fixed');
    expect(summary(bundle.findings)).toEqual([CLI, DLT, PIP, LOCAL_VS, VS_ENDPOINT]);
  });

  test('score 85, phases 0-2 ready and 3-4 partial', async () => {
    const bundle = await bundleResult('entity-matching-fixed');
    for (const target of ['dev', 'prod']) expect(formulaScore(bundle.findings, target)).toBe(85);
    expect(bundle.counts).toMatchObject({ critical: 0, high: 2, medium: 1, low: 2, info: 0 });
    expect(bundle.score).toBe(85);
    expect(bundle.phases.map((p) => [p.name, p.status])).toEqual([
      ['Phase 0: Setup', 'ready'],
      ['Phase 1: Data', 'ready'],
      ['Phase 2: Training', 'ready'],
      ['Phase 3: Serving', 'partial'],
      ['Phase 4: Pipeline', 'partial'],
    ]);
  });

  test('every registered check ran on the example (none threw)', async () => {
    const bundle = await bundleResult('entity-matching-fixed');
    expect(bundle.findings.some((f) => f.check === 'internal-error')).toBe(false);
    expect(checks.length).toBeGreaterThanOrEqual(12);
  });

  test('the wheel builds offline, contains entity_matching.cli and `train_ditto --help` works', async () => {
    const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dab-example-')));
    try {
      const project = path.join(tmp, 'project');
      fs.cpSync(path.join(EXAMPLES, 'entity-matching-fixed'), project, { recursive: true });
      const build = await run([BUILD_PYTHON, '-m', 'build', '--wheel', '--no-isolation'], { cwd: project, timeoutMs: 120_000 });
      expect(build.exitCode, build.stderr).toBe(0);
      const wheels = fs.readdirSync(path.join(project, 'dist')).filter((f) => f.endsWith('.whl'));
      expect(wheels).toEqual(['entity_matching-1.0.0-py3-none-any.whl']);
      const venv = path.join(tmp, 'venv');
      expect((await run([BUILD_PYTHON, '-m', 'venv', venv], { timeoutMs: 120_000 })).exitCode).toBe(0);
      const install = await run([path.join(venv, 'bin', 'pip'), 'install', '--no-deps', '--no-index', path.join(project, 'dist', wheels[0])], { timeoutMs: 120_000 });
      expect(install.exitCode, install.stderr).toBe(0);
      const help = await run([path.join(venv, 'bin', 'train_ditto'), '--help'], { timeoutMs: 60_000 });
      expect(help.exitCode, help.stderr).toBe(0);
      expect(help.stdout).toContain('--training-data');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 240_000);
});
