import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/engine.js';
import { loadProject } from '../../src/project/load.js';
import { buildBundleResult } from '../../src/readiness/index.js';
import { heldBackBy, inferPhaseFromFile } from '../../src/readiness/phases.js';
import type { DabReadyConfig, Finding, PhaseResult } from '../../src/model.js';
import { bundle, finding, resource, seedChecks, seedFindings, seedResources } from './helpers.js';

const noConfig: DabReadyConfig = { ignore: [], severity: {} };

function result(options: { resources: ReturnType<typeof resource>[]; findings?: Finding[]; config?: DabReadyConfig; targets?: string[] }) {
  return buildBundleResult({
    bundle: bundle({ resources: options.resources, targets: options.targets }),
    findings: options.findings ?? [],
    config: options.config ?? noConfig,
    verification: [],
    analysedTargets: options.targets ?? ['dev', 'prod'],
    suppressed: 0,
    checks: seedChecks,
  });
}

describe('phase inference from file names', () => {
  it('names a phase from the words after phase<N>', () => {
    expect(inferPhaseFromFile('resources/jobs_phase2_training.yml')).toEqual({ id: '2', number: 2, name: 'Phase 2: Training' });
    expect(inferPhaseFromFile('resources/jobs_phase0_catalog-setup.yaml')).toEqual({ id: '0', number: 0, name: 'Phase 0: Catalog Setup' });
    expect(inferPhaseFromFile('resources/phase-3.yml')).toEqual({ id: '3', number: 3, name: 'Phase 3' });
    expect(inferPhaseFromFile('resources/phase12/jobs.yml')).toEqual({ id: '12', number: 12, name: 'Phase 12' });
    expect(inferPhaseFromFile('resources/jobs.yml')).toBeUndefined();
  });

  it('builds the seed phases in numeric order, each depending on every earlier one', () => {
    const r = result({ resources: seedResources, findings: seedFindings() });
    expect(r.phases.map((p) => [p.id, p.name, p.status])).toEqual([
      ['0', 'Phase 0: Catalog Setup', 'ready'],
      ['1', 'Phase 1: Data Load', 'ready'],
      ['2', 'Phase 2: Training', 'blocked'],
      ['3', 'Phase 3: Serving', 'partial'],
      ['4', 'Phase 4: Pipeline', 'partial'],
    ]);
    expect(r.phases.map((p) => p.dependsOn)).toEqual([[], ['0'], ['0', '1'], ['0', '1', '2'], ['0', '1', '2', '3']]);
    expect(r.phases[4].jobs).toEqual(['entity_matching_pipeline', 'adhoc_matching']);
    expect(r.phases[4].files).toEqual(['resources/jobs_phase4_pipeline.yml']);
  });

  it('merges several files with the same number into one phase', () => {
    const r = result({
      resources: [
        resource('jobs', 'train', 'resources/jobs_phase2_training.yml'),
        resource('pipelines', 'features', 'resources/pipelines_phase2_features.yml'),
        resource('jobs', 'setup', 'resources/jobs_phase1_setup.yml'),
      ],
    });
    expect(r.phases.map((p) => [p.id, p.name, p.resources])).toEqual([
      ['1', 'Phase 1: Setup', ['jobs.setup']],
      ['2', 'Phase 2: Training / Features', ['jobs.train', 'pipelines.features']],
    ]);
    expect(r.phases[1].jobs).toEqual(['train']);
  });

  it('puts resources outside every phase file into an Other phase, and only when it holds something', () => {
    const r = result({
      resources: [resource('jobs', 'train', 'resources/jobs_phase1_training.yml'), resource('jobs', 'adhoc', 'resources/adhoc.yml')],
    });
    expect(r.phases.map((p) => [p.id, p.name, p.resources, p.dependsOn])).toEqual([
      ['1', 'Phase 1: Training', ['jobs.train'], []],
      ['other', 'Other resources', ['jobs.adhoc'], []],
    ]);
    const onlyPhased = result({ resources: [resource('jobs', 'train', 'resources/jobs_phase1_training.yml')] });
    expect(onlyPhased.phases.map((p) => p.id)).toEqual(['1']);
  });

  it('falls back to one "All resources" phase', () => {
    const r = result({ resources: [resource('jobs', 'a', 'resources/a.yml'), resource('jobs', 'b', 'databricks.yml')] });
    expect(r.phases.map((p) => [p.id, p.name, p.jobs, p.dependsOn])).toEqual([['all', 'All resources', ['a', 'b'], []]]);
  });
});

describe('phases from .dab-ready.yml', () => {
  const resources = [
    resource('jobs', 'setup_catalog', 'resources/setup/catalog.yml'),
    resource('jobs', 'load', 'resources/load.yml'),
    resource('jobs', 'train', 'resources/ml/train.yml'),
    resource('model_serving_endpoints', 'serve', 'resources/ml/serve.yml'),
    resource('jobs', 'adhoc', 'resources/adhoc.yml'),
  ];

  it('matches include globs over resource files and resource keys/addresses, with depends_on', () => {
    const r = result({
      resources,
      config: {
        ignore: [],
        severity: {},
        phases: [
          { name: 'Setup', id: 'setup', include: ['resources/setup/*.yml', 'load'] },
          { name: 'Machine learning', include: ['resources/ml/**'], dependsOn: ['setup'] },
          { name: 'Ad hoc', include: ['jobs.adhoc'], dependsOn: [] },
        ],
      },
    });
    expect(r.phases.map((p) => [p.id, p.name, p.resources, p.dependsOn])).toEqual([
      ['setup', 'Setup', ['jobs.setup_catalog', 'jobs.load'], []],
      ['machine-learning', 'Machine learning', ['jobs.train', 'model_serving_endpoints.serve'], ['setup']],
      ['ad-hoc', 'Ad hoc', ['jobs.adhoc'], []],
    ]);
  });

  it('defaults depends_on to every earlier phase and resolves names as well as ids', () => {
    const r = result({
      resources,
      config: {
        ignore: [],
        severity: {},
        phases: [
          { name: 'Setup', include: ['resources/setup/*'] },
          { name: 'Load', include: ['load'] },
          { name: 'ML', include: ['resources/ml/*.yml'], dependsOn: ['Setup', 'no-such-phase'] },
        ],
      },
    });
    expect(r.phases.map((p) => [p.id, p.dependsOn])).toEqual([
      ['setup', []],
      ['load', ['setup']],
      ['ml', ['setup']],
      ['other', []],
    ]);
    expect(r.phases[3].resources).toEqual(['jobs.adhoc']);
  });
});

describe('finding attachment and phase status', () => {
  it('attaches by resource, marks phases blocked / partial / ready, and lists the checklist', () => {
    const r = result({ resources: seedResources, findings: seedFindings().filter((f) => f.check !== 'cli-init-missing') });
    const byId = Object.fromEntries(r.phases.map((p) => [p.id, p]));
    expect(byId['0'].status).toBe('ready');
    expect(byId['1'].status).toBe('ready');
    expect(byId['2'].status).toBe('blocked');
    expect(byId['3'].status).toBe('partial');
    expect(byId['4'].status).toBe('partial');
    const entry = r.findings.find((f) => f.check === 'entry-point-missing')!;
    expect(entry.phases).toEqual(['2']);
    // pipelines.yml holds no resource and the finding is low: no phase
    expect(r.findings.find((f) => f.check === 'dlt-pipeline-disabled')!.phases).toEqual([]);

    // failing items first, worst first, named by their check's title; then one line for the rest
    expect(byId['2'].checklist.map((i) => [i.check, i.severity, i.ok, i.text])).toEqual([
      ['entry-point-missing', 'critical', false, 'Entry points missing → BLOCKER'],
      ['wheel-not-built', 'critical', false, 'Wheel not built → BLOCKER'],
      [undefined, undefined, true, 'No other check reports a finding in this phase'],
    ]);
    // checks failing elsewhere that do not concern a phase are not listed as passed there
    expect(byId['0'].checklist).toEqual([{ text: 'Configuration complete: no check reports a finding in this phase', ok: true }]);
    expect(byId['4'].checklist.map((i) => i.text)).toEqual([
      'Vector Search endpoint not created → HIGH',
      'Library dependencies inconsistent → MEDIUM',
      'No other check reports a finding in this phase',
    ]);
  });

  it('counts several findings of one check in the checklist line', () => {
    const r = result({
      resources: seedResources,
      findings: [
        finding('library-deps-inconsistent', 'medium', { file: 'n1.py', resources: ['jobs.entity_matching_pipeline'] }),
        finding('library-deps-inconsistent', 'medium', { file: 'n2.py', resources: ['jobs.adhoc_matching'] }),
      ],
    });
    const item = r.phases.find((p) => p.id === '4')!.checklist.find((i) => !i.ok)!;
    expect(item.text).toBe('Library dependencies inconsistent → MEDIUM (2 findings)');
  });

  it('attaches a bundle-wide critical finding to every phase, a non-critical one to none, and a located one by its file', () => {
    const r = result({
      resources: seedResources,
      findings: [
        finding('config-invalid', 'critical', { file: 'databricks.yml', line: 3, message: 'bad yaml' }),
        finding('cli-init-missing', 'low', { message: 'no init script' }),
        finding('library-deps-inconsistent', 'medium', { file: 'resources/jobs_phase1_data_load.yml', line: 9 }),
      ],
    });
    const byCheck = Object.fromEntries(r.findings.map((f) => [f.check, f.phases]));
    expect(byCheck['config-invalid']).toEqual(['0', '1', '2', '3', '4']);
    expect(byCheck['cli-init-missing']).toEqual([]);
    expect(byCheck['library-deps-inconsistent']).toEqual(['1']);
    expect(r.phases.every((p) => p.status === 'blocked')).toBe(true);
    expect(r.phases[0].checklist.find((i) => i.check === 'config-invalid')!.text).toBe('Config invalid → BLOCKER');
  });

  it('names a check the catalog does not know by its own words', () => {
    const r = result({ resources: seedResources, findings: [finding('brand-new-check', 'critical', { file: 'databricks.yml', line: 3 })] });
    expect(r.phases[0].checklist[0]).toEqual({ text: 'Brand new check → BLOCKER', ok: false, severity: 'critical', check: 'brand-new-check' });
  });
});

describe('wheel tasks and passed checks that concern a phase (real bundle on disk)', () => {
  const written: string[] = [];
  afterAll(() => {
    for (const dir of written) fs.rmSync(dir, { recursive: true, force: true });
  });
  function writeBundle(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dab-ready-phases-'));
    written.push(dir);
    const files: Record<string, string> = {
      'databricks.yml': [
        'bundle:',
        '  name: scoring',
        'include:',
        '  - resources/*.yml',
        'artifacts:',
        '  wheel:',
        '    type: whl',
        '    build: python3 -m build --wheel',
        '    path: .',
        'targets:',
        '  dev:',
        '    default: true',
        '',
      ].join('\n'),
      'pyproject.toml': '[project]\nname = "scoring"\nversion = "1.0.0"\n\n[project.scripts]\nscore = "scoring.cli:score"\n\n[tool.setuptools]\npackages = ["scoring"]\n',
      'scoring/__init__.py': '',
      'scoring/cli.py': 'def score():\n    return 0\n',
      'notebooks/setup.py': '# Databricks notebook source\nprint(1)\n',
      'resources/jobs_phase0_setup.yml': wheelJob('setup', '      notebook_task:\n        notebook_path: ../notebooks/setup.py'),
      'resources/jobs_phase1_score.yml': wheelJob('score_job', wheelTask('score')),
      'resources/jobs_phase2_train.yml': wheelJob('train_job', wheelTask('train')),
    };
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
    return dir;
  }
  const wheelTask = (entryPoint: string) =>
    `      python_wheel_task:\n        package_name: scoring\n        entry_point: ${entryPoint}\n      libraries:\n        - whl: ../dist/*.whl`;
  const wheelJob = (key: string, task: string) =>
    `resources:\n  jobs:\n    ${key}:\n      name: ${key}\n      tasks:\n        - task_key: ${key}_task\n          existing_cluster_id: 0101-000000-abcdefgh\n${task.replace(/^/gm, '    ')}\n`;

  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  // Built inside each test, not in the describe body: Stryker counts code run outside a test as
  // "static" and then runs every test for each of its mutants.
  function analysed() {
    const dir = writeBundle();
    dirs.push(dir);
    const loaded = loadProject(dir).bundles[0];
    const targets = [...loaded.targets.values()];
    const r = buildBundleResult({
      bundle: loaded,
      findings: runChecks(loaded, targets),
      config: noConfig,
      verification: [],
      analysedTargets: targets.map((t) => t.name),
      suppressed: 0,
    });
    return { r, byId: Object.fromEntries(r.phases.map((p) => [p.id, p])) };
  }

  it('records each phase’s wheel tasks with the project that provides the package', () => {
    const { r, byId } = analysed();
    expect(r.findings.filter((f) => f.phases.length > 0).map((f) => [f.check, f.phases])).toEqual([['entry-point-missing', ['2']]]);
    expect(byId['0'].wheelTasks).toBeUndefined();
    expect(byId['1'].wheelTasks).toEqual([{ job: 'score_job', task: 'score_job_task', packageName: 'scoring', entryPoint: 'score', projectDir: '.' }]);
    expect(byId['2'].wheelTasks).toEqual([{ job: 'train_job', task: 'train_job_task', packageName: 'scoring', entryPoint: 'train', projectDir: '.' }]);
  });

  it('lists a wheel check as passed only in the phases that run a wheel task', () => {
    const { byId } = analysed();
    const entryPointOk = (id: string) => byId[id].checklist.some((i) => i.ok && i.check === 'entry-point-missing');
    expect(entryPointOk('1')).toBe(true);
    expect(entryPointOk('0')).toBe(false);
    expect(byId['2'].checklist[0]).toMatchObject({ ok: false, check: 'entry-point-missing', text: 'Wheel task entry points are declared → BLOCKER' });
    expect(byId['2'].checklist.at(-1)).toEqual({ text: 'No other check reports a finding in this phase', ok: true });
  });
});

describe('heldBackBy', () => {
  const phase = (id: string, status: PhaseResult['status'], dependsOn: string[]): PhaseResult => ({
    id,
    name: `Phase ${id}`,
    order: Number(id),
    status,
    resources: [],
    jobs: [],
    files: [],
    checklist: [],
    dependsOn,
  });

  it('names the blocked phase behind a dependency, transitively, and nothing for blocked or free phases', () => {
    const phases = [phase('0', 'ready', []), phase('1', 'blocked', ['0']), phase('2', 'partial', ['1']), phase('3', 'ready', ['2']), phase('4', 'ready', ['0'])];
    expect(phases.map((p) => heldBackBy(p, phases)?.id)).toEqual([undefined, undefined, '1', '1', undefined]);
  });

  it('resolves dependencies by name and survives a cycle', () => {
    const phases = [phase('a', 'ready', ['b']), phase('b', 'ready', ['a', 'Phase c']), phase('c', 'blocked', [])];
    expect(heldBackBy(phases[0], phases)?.id).toBe('c');
    const cycle = [phase('x', 'ready', ['y']), phase('y', 'ready', ['x'])];
    expect(heldBackBy(cycle[0], cycle)).toBeUndefined();
  });
});
