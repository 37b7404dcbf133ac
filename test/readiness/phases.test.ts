import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/engine.js';
import { loadProject } from '../../src/project/load.js';
import { buildBundleResult } from '../../src/readiness/index.js';
import { collectResources, collectWheelTasks, concernsPhase, heldBackBy, inferPhaseFromFile, phaseStatus, slugify, worst } from '../../src/readiness/phases.js';
import type { Category, DabReadyConfig, Finding, PhaseResult } from '../../src/model.js';
import { bundle, finding, resource, seedChecks, seedFindings, seedResources, target } from './helpers.js';

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

describe('phase definitions in detail', () => {
  it('slugify keeps letters and digits, joins the rest with single dashes, and never gives an empty id', () => {
    expect(slugify(' Machine  Learning (v2)! ')).toBe('machine-learning-v2');
    expect(slugify('***')).toBe('phase');
    expect(slugify('-a-b-')).toBe('a-b');
  });

  it('reads phase numbers with any separator or case, in .yml, .yaml and .json files, from the nearest folder', () => {
    expect(inferPhaseFromFile('resources/PHASE-02.YAML')).toEqual({ id: '2', number: 2, name: 'Phase 2' });
    expect(inferPhaseFromFile('resources/jobs_phase 3.Data_load.json')).toEqual({ id: '3', number: 3, name: 'Phase 3: Data Load' });
    expect(inferPhaseFromFile('phase1/phase2/jobs.yml')?.id).toBe('2');
    expect(inferPhaseFromFile('phase1/jobs.yml')?.id).toBe('1');
    expect(inferPhaseFromFile('.\\resources\\phase4_x.yml')).toEqual({ id: '4', number: 4, name: 'Phase 4: X' });
    expect(inferPhaseFromFile('resources/phase_.yml')).toBeUndefined();
    expect(inferPhaseFromFile('resources/phasex1.yml')).toBeUndefined();
  });

  it('names a phase from several files once per distinct suffix', () => {
    const r = result({
      resources: [
        resource('jobs', 'a', 'resources/jobs_phase2_training.yml'),
        resource('jobs', 'b', 'resources/pipelines_phase2_training.yml'),
        resource('jobs', 'c', 'resources/phase2.yml'),
      ],
    });
    expect(r.phases.map((p) => [p.id, p.name, p.files])).toEqual([
      ['2', 'Phase 2: Training', ['resources/jobs_phase2_training.yml', 'resources/phase2.yml', 'resources/pipelines_phase2_training.yml']],
    ]);
    expect(result({ resources: [resource('jobs', 'c', 'resources/phase2.yml')] }).phases[0].name).toBe('Phase 2');
  });

  const config = (phases: NonNullable<DabReadyConfig['phases']>): DabReadyConfig => ({ ignore: [], severity: {}, phases });

  it('config phases: ids from the id or the name, made unique; phases without include are left out', () => {
    const r = result({
      resources: [resource('jobs', 'a', 'a.yml'), resource('jobs', 'b', 'b.yml'), resource('jobs', 'c', 'c.yml'), resource('jobs', 'd', 'd.yml')],
      config: config([
        { name: 'Load', include: ['a'] },
        { name: 'Nothing', include: [] },
        { name: 'Load', include: [' b ', ''] },
        { name: 'Other name', id: ' load ', include: ['c'] },
        { name: 'Other', include: ['d'] },
      ]),
    });
    expect(r.phases.map((p) => [p.id, p.name, p.resources])).toEqual([
      ['load', 'Load', ['jobs.a']],
      ['load-2', 'Load', ['jobs.b']],
      ['load-3', 'Other name', ['jobs.c']],
      ['other', 'Other', ['jobs.d']],
    ]);
    const only = result({ resources: [resource('jobs', 'a', 'resources/jobs_phase1_a.yml')], config: config([{ name: 'Empty', include: [] }]) });
    expect(only.phases.map((p) => p.id)).toEqual(['1']);
  });

  it('config phases: the catch-all for unclaimed resources takes an id no phase has', () => {
    const r = result({
      resources: [resource('jobs', 'a', 'a.yml'), resource('jobs', 'b', 'b.yml')],
      config: config([{ name: 'Other', include: ['a'] }]),
    });
    expect(r.phases.map((p) => [p.id, p.name, p.dependsOn])).toEqual([
      ['other', 'Other', []],
      ['other-', 'Other resources', []],
    ]);
  });

  it('config phases: depends_on by id or name in any case, without itself, unknown phases or repeats', () => {
    const r = result({
      resources: [resource('jobs', 'a', 'a.yml'), resource('jobs', 'b', 'b.yml'), resource('jobs', 'c', 'c.yml')],
      config: config([
        { name: 'Setup', id: 'base', include: ['a'] },
        { name: 'Train', include: ['b'] },
        { name: 'Serve', include: ['c'], dependsOn: ['BASE', ' setup ', 'train', 'Serve', 'nowhere', 'TRAIN'] },
      ]),
    });
    expect(r.phases.map((p) => [p.id, p.dependsOn])).toEqual([
      ['base', []],
      ['train', ['base']],
      ['serve', ['base', 'train']],
    ]);
  });

  it('an include names a key or an address exactly, or globs a file, key or address', () => {
    const resources = [resource('jobs', 'train_a', 'ml/one.yml'), resource('jobs', 'train_b', 'ml/two.yml'), resource('pipelines', 'train', 'etl.yml'), resource('jobs', 'trainer', 'x.yml')];
    const phaseOf = (include: string[]) =>
      result({ resources, config: config([{ name: 'P', include }]) }).phases[0].resources;
    expect(phaseOf(['train'])).toEqual(['pipelines.train']);
    expect(phaseOf(['jobs.train_a'])).toEqual(['jobs.train_a']);
    expect(phaseOf(['train_*'])).toEqual(['jobs.train_a', 'jobs.train_b']);
    expect(phaseOf(['jobs.train*'])).toEqual(['jobs.train_a', 'jobs.train_b', 'jobs.trainer']);
    expect(phaseOf(['ml'])).toEqual(['jobs.train_a', 'jobs.train_b']);
    expect(phaseOf(['train_'])).toEqual([]);
  });

  it('collects each resource once from the analysed targets, the first target’s definition first', () => {
    const b = bundle({ resources: [], targets: ['dev', 'prod'] });
    b.targets.set('dev', target('dev', [resource('jobs', 'a', 'dev.yml'), resource('jobs', 'b', 'dev.yml')]));
    b.targets.set('prod', target('prod', [resource('jobs', 'a', 'prod.yml'), resource('jobs', 'c', 'prod.yml')]));
    const files = (analysed: string[]) => collectResources(b, analysed).map((r) => `${r.address}@${r.file}`);
    expect(files(['prod', 'dev'])).toEqual(['jobs.a@prod.yml', 'jobs.c@prod.yml', 'jobs.b@dev.yml']);
    expect(files(['dev'])).toEqual(['jobs.a@dev.yml', 'jobs.b@dev.yml']);
    expect(files(['staging'])).toEqual(['jobs.a@dev.yml', 'jobs.b@dev.yml', 'jobs.c@prod.yml']);
  });
});

describe('attachment, status and checklist in detail', () => {
  it('a finding naming resources of several phases attaches to them in phase order; unknown resources fall back to its file', () => {
    const r = result({
      resources: seedResources,
      findings: [
        finding('local-vector-search', 'high', { resources: ['jobs.register_model', 'jobs.setup_catalog', 'jobs.nowhere'] }),
        finding('library-deps-inconsistent', 'medium', { resources: ['jobs.nowhere'], file: './resources/jobs_phase1_data_load.yml' }),
      ],
    });
    expect(r.findings.map((f) => [f.check, f.phases])).toEqual([
      ['local-vector-search', ['0', '3']],
      ['library-deps-inconsistent', ['1']],
    ]);
  });

  it('a phase with only low or info findings is ready; high or medium makes it partial; critical blocks', () => {
    expect(phaseStatus([])).toBe('ready');
    expect(phaseStatus(['low', 'info'])).toBe('ready');
    expect(phaseStatus(['low', 'medium'])).toBe('partial');
    expect(phaseStatus(['high'])).toBe('partial');
    expect(phaseStatus(['high', 'critical', 'low'])).toBe('blocked');
  });

  it('which passed checks concern a phase, by category', () => {
    const scope = (types: string[], hasWheelTasks = false) => ({ resourceTypes: new Set(types), hasWheelTasks });
    const concerns = (category: Category, s: ReturnType<typeof scope>) => concernsPhase({ category }, s);
    expect(concerns('Python Package Build', scope([], true))).toBe(true);
    expect(concerns('Entry Points', scope(['jobs'], false))).toBe(false);
    expect(concerns('Entry Points', scope([], true))).toBe(true);
    expect(concerns('DLT Pipeline', scope(['pipelines']))).toBe(true);
    expect(concerns('DLT Pipeline', scope(['jobs'], true))).toBe(false);
    expect(concerns('Vector Search Endpoints', scope(['vector_search_endpoints']))).toBe(true);
    expect(concerns('Vector Search Endpoints', scope(['jobs']))).toBe(false);
    expect(concerns('Model Registry Integration', scope(['model_serving_endpoints']))).toBe(true);
    expect(concerns('Model Registry Integration', scope(['registered_models']))).toBe(true);
    expect(concerns('Model Registry Integration', scope(['jobs']))).toBe(false);
    expect(concerns('Developer Setup', scope(['jobs', 'pipelines'], true))).toBe(false);
  });

  it('the checklist: failing checks worst first, then registry order, then id; low and info ones are ok', () => {
    const r = result({
      resources: seedResources,
      findings: [
        finding('zz-unknown', 'high', { resources: ['jobs.setup_catalog'] }),
        finding('aa-unknown', 'high', { resources: ['jobs.setup_catalog'] }),
        finding('local-vector-search', 'high', { resources: ['jobs.setup_catalog'] }),
        finding('cli-init-missing', 'low', { resources: ['jobs.setup_catalog'] }),
        finding('x-info', 'info', { resources: ['jobs.setup_catalog'] }),
        finding('vector-search-endpoint-missing', 'high', { resources: ['jobs.setup_catalog'] }),
      ],
    });
    expect(r.phases[0].checklist.map((i) => [i.check, i.ok])).toEqual([
      ['vector-search-endpoint-missing', false],
      ['local-vector-search', false],
      ['aa-unknown', false],
      ['zz-unknown', false],
      ['cli-init-missing', true],
      ['x-info', true],
      [undefined, true],
    ]);
  });

  it('the checklist lists passed checks that concern the phase in registry order; with no check at all it has no closing line', () => {
    const resources = [resource('jobs', 'a', 'resources/phase0.yml'), resource('pipelines', 'p', 'resources/phase1.yml'), resource('model_serving_endpoints', 's', 'resources/phase1.yml')];
    const r = result({
      resources,
      findings: [finding('model-registry', 'medium', { resources: ['jobs.a'] }), finding('dlt-pipeline-disabled', 'low', { resources: ['jobs.a'] })],
    });
    expect(r.phases[1].checklist).toEqual([
      { text: 'DLT pipeline not implemented: OK', ok: true, check: 'dlt-pipeline-disabled' },
      { text: 'Model not registered: OK', ok: true, check: 'model-registry' },
      { text: 'Configuration complete: no check reports a finding in this phase', ok: true },
    ]);
    const none = buildBundleResult({ bundle: bundle({ resources }), findings: [], config: noConfig, verification: [], analysedTargets: ['dev'], suppressed: 0, checks: [] });
    expect(none.phases.map((p) => p.checklist)).toEqual([[], []]);
    const failingOnly = buildBundleResult({
      bundle: bundle({ resources }),
      findings: [finding('x', 'low', { resources: ['jobs.a'] })],
      config: noConfig,
      verification: [],
      analysedTargets: ['dev'],
      suppressed: 0,
      checks: [],
    });
    expect(failingOnly.phases[1].checklist).toEqual([{ text: 'Configuration complete: no check reports a finding in this phase', ok: true }]);
  });

  it('worst of no severities is info', () => {
    expect(worst([])).toBe('info');
    expect(worst(['low', 'high', 'medium'])).toBe('high');
  });
});

describe('collectWheelTasks (loaded bundles)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  function load(files: Record<string, string>) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dab-ready-wheel-tasks-'));
    dirs.push(dir);
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
    return loadProject(dir, { env: {} }).bundles[0];
  }
  const task = (key: string, fields: string) => `        - task_key: ${key}\n          python_wheel_task:\n${fields}`;

  it('reads package and entry point as the target resolves them, trimmed; leaves out what is empty, not text or unresolved', () => {
    const b = load({
      'databricks.yml': [
        'bundle: {name: w}',
        'variables:',
        '  pkg: {default: My.Package}',
        'targets:',
        '  dev: {default: true}',
        '  prod:',
        '    resources:',
        '      jobs:',
        '        extra:',
        '          tasks:',
        task('only_prod', '            package_name: other\n').replace(/^ {2}/gm, '    '),
        'resources:',
        '  jobs:',
        '    j:',
        '      tasks:',
        task('resolved', '            package_name: ${var.pkg}\n            entry_point: "  run  "\n'),
        task('empty', '            package_name: "  "\n            entry_point: [a]\n'),
        task('unresolved', '            package_name: ${var.nope}\n            entry_point: ~\n'),
        '        - task_key: notebook',
        '          notebook_task: {notebook_path: ./nb.py}',
        '',
      ].join('\n'),
      'pyproject.toml': '[project]\nname = "my-package"\nversion = "1"\n',
      'my_package/__init__.py': '',
    });
    expect(collectWheelTasks(b, ['dev'])).toEqual([
      { job: 'j', task: 'resolved', packageName: 'My.Package', entryPoint: 'run', projectDir: '.' },
      { job: 'j', task: 'empty' },
      { job: 'j', task: 'unresolved' },
    ]);
    expect(collectWheelTasks(b, ['dev', 'prod']).map((w) => `${w.job}/${w.task}`)).toEqual(['j/resolved', 'j/empty', 'j/unresolved', 'extra/only_prod']);
    expect(collectWheelTasks(b, ['nowhere']).map((w) => `${w.job}/${w.task}`)).toEqual(['j/resolved', 'j/empty', 'j/unresolved', 'extra/only_prod']);
  });
});
