import { describe, expect, it } from 'vitest';
import { buildBundleResult } from '../../src/readiness/index.js';
import { inferPhaseFromFile } from '../../src/readiness/phases.js';
import type { DabReadyConfig, Finding } from '../../src/model.js';
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

    const phase2 = byId['2'].checklist;
    expect(phase2.filter((i) => !i.ok).map((i) => [i.check, i.severity, i.text])).toEqual([
      ['entry-point-missing', 'critical', 'Entry points missing: 1 critical finding'],
      ['wheel-not-built', 'critical', 'Wheel not built: 1 critical finding'],
    ]);
    // checks failing elsewhere pass here, with their success message
    expect(phase2.filter((i) => i.ok && i.check).map((i) => i.text)).toContain('Vector Search endpoint not created: OK');
    expect(phase2.some((i) => i.ok && !i.check && /^3 other checks passed$/.test(i.text))).toBe(true);
    expect(byId['0'].checklist.every((i) => i.ok)).toBe(true);
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
    expect(item.text).toBe('Library dependencies inconsistent: 2 medium findings');
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
    // an unknown check id still gets a readable checklist line
    expect(r.phases[0].checklist.find((i) => i.check === 'config-invalid')!.text).toBe('Config invalid: 1 critical finding');
  });
});
