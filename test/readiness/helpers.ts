// Small hand-built bundles for the pure readiness/report functions (the loader is tested elsewhere).
import type { Bundle, Check, Finding, Loc, MapNode, Resource, Severity, TargetView } from '../../src/model.js';

export const emptyMap = (file = 'databricks.yml'): MapNode => ({ kind: 'map', loc: { file, line: 1, column: 1 }, entries: new Map(), keyLocs: new Map() });

export function resource(type: string, key: string, file: string, line = 3): Resource {
  return { type, key, address: `${type}.${key}`, node: emptyMap(file), loc: { file, line, column: 5 }, file };
}

export function target(name: string, resources: Resource[], isDefault = false): TargetView {
  const byType = new Map<string, Map<string, Resource>>();
  for (const r of resources) {
    if (!byType.has(r.type)) byType.set(r.type, new Map());
    byType.get(r.type)!.set(r.key, r);
  }
  return {
    name,
    isDefault,
    config: emptyMap(),
    variables: new Map(),
    resources: byType,
    jobs: [],
    pipelines: [],
    artifacts: [],
    sync: { paths: ['.'], include: [], exclude: [], includeLocs: [], excludeLocs: [] },
    interpolate: (text: string) => ({ value: text, resolved: true, unresolved: [], undefinedRefs: [] }),
    syncVerdict: () => ({ synced: true }),
  } as TargetView;
}

export function bundle(options: {
  name?: string;
  relRoot?: string;
  resources?: Resource[];
  targets?: string[];
  files?: Record<string, string>;
}): Bundle {
  const resources = options.resources ?? [];
  const targetNames = options.targets ?? ['dev', 'prod'];
  const texts = new Map(Object.entries(options.files ?? {}));
  return {
    root: '/repo/' + (options.relRoot ?? '.'),
    relRoot: options.relRoot ?? '.',
    rootFile: 'databricks.yml',
    name: options.name ?? 'entity_matching',
    files: new Map(
      [...texts].filter(([p]) => /\.ya?ml$/.test(p)).map(([path, text]) => [path, { path, text, lines: text.split('\n'), root: emptyMap(path) }]),
    ),
    base: emptyMap(),
    targets: new Map(targetNames.map((t, i) => [t, target(t, resources, i === 0)])),
    defaultTarget: targetNames[0],
    python: [],
    fileIndex: {
      root: '/repo',
      kind: (rel: string) => (texts.has(rel) ? 'file' : 'missing'),
      exists: (rel: string) => texts.has(rel),
      read: (rel: string) => texts.get(rel),
      lines: (rel: string) => texts.get(rel)?.split('\n'),
      facts: () => undefined,
      list: () => [...texts.keys()],
      glob: () => [],
      notices: [],
    },
    notices: [],
  } as Bundle;
}

export function check(id: string, category: Check['category'], severity: Severity, effortHours: number, title: string): Check {
  return {
    id,
    category,
    severity,
    effortHours,
    title,
    successMessage: `${title}: OK`,
    docs: `${title}.\n\nWhy it fails on Databricks and how to fix it.`,
    breaksDeploy: severity === 'critical',
    run: () => [],
  };
}

/** The seed's seven gaps plus two checks that pass there. */
export const seedChecks: Check[] = [
  check('entry-point-missing', 'Entry Points', 'critical', 2, 'Entry points missing'),
  check('wheel-not-built', 'Python Package Build', 'critical', 0.5, 'Wheel not built'),
  check('vector-search-endpoint-missing', 'Vector Search Endpoints', 'high', 2, 'Vector Search endpoint not created'),
  check('local-vector-search', 'Vector Search Integration', 'high', 4, 'Local FAISS instead of Databricks Vector Search'),
  check('library-deps-inconsistent', 'Library Dependencies', 'medium', 1, 'Library dependencies inconsistent'),
  check('dlt-pipeline-disabled', 'DLT Pipeline', 'low', 8, 'DLT pipeline not implemented'),
  check('cli-init-missing', 'Developer Setup', 'low', 0.5, 'No Databricks CLI init script'),
  check('sync-excludes-source', 'File Sync Configuration', 'high', 1, 'Source excluded from sync'),
  check('model-registry', 'Model Registry Integration', 'medium', 1, 'Model not registered'),
];

export function finding(check: string, severity: Severity, options: Partial<Finding> & { file?: string; line?: number } = {}): Finding {
  const { file, line, ...rest } = options;
  const loc: Loc | undefined = file ? { file, line: line ?? 1, column: 1 } : rest.loc;
  return {
    check,
    severity,
    message: rest.message ?? `${check} problem`,
    targets: rest.targets ?? ['dev', 'prod'],
    phases: rest.phases ?? [],
    ...(loc ? { loc } : {}),
    ...rest,
  };
}

export const seedResources: Resource[] = [
  resource('jobs', 'setup_catalog', 'resources/jobs_phase0_catalog_setup.yml'),
  resource('jobs', 'load_reference_data', 'resources/jobs_phase1_data_load.yml'),
  resource('jobs', 'train_ditto', 'resources/jobs_phase2_training.yml'),
  resource('jobs', 'register_model', 'resources/jobs_phase3_serving.yml'),
  resource('jobs', 'entity_matching_pipeline', 'resources/jobs_phase4_pipeline.yml'),
  resource('jobs', 'adhoc_matching', 'resources/jobs_phase4_pipeline.yml', 110),
];

/** The findings the seed gap analysis lists, at the places it names. */
export function seedFindings(): Finding[] {
  return [
    finding('entry-point-missing', 'critical', {
      file: 'resources/jobs_phase2_training.yml',
      line: 48,
      message: 'python_wheel_task entry point `train_ditto` is not declared by package entity_matching',
      resources: ['jobs.train_ditto'],
      evidence: 'python_wheel_task:\n  package_name: entity_matching\n  entry_point: train_ditto',
      impact: 'Phase 2 job will fail with "entry point not found"\nBlocks Phase 3 and Phase 4',
      fix: { text: 'Declare the entry point in pyproject.toml', patch: '[project.scripts]\ntrain_ditto = "src.models.ditto_matcher:train_cli"' },
    }),
    finding('wheel-not-built', 'critical', {
      file: 'resources/jobs_phase2_training.yml',
      line: 40,
      message: 'No artifact builds the wheel of entity_matching',
      resources: ['jobs.train_ditto'],
      fix: { text: 'Add an artifacts entry that runs python -m build' },
    }),
    finding('vector-search-endpoint-missing', 'high', {
      file: 'resources/jobs_phase4_pipeline.yml',
      line: 56,
      message: 'vector_search_endpoint entity-matching-vs-${bundle.target} is not created by the bundle',
      resources: ['jobs.entity_matching_pipeline'],
    }),
    finding('local-vector-search', 'high', {
      file: 'resources/jobs_phase3_serving.yml',
      line: 20,
      message: 'register_model builds a local FAISS index',
      resources: ['jobs.register_model'],
    }),
    finding('library-deps-inconsistent', 'medium', {
      file: 'resources/jobs_phase4_pipeline.yml',
      line: 124,
      message: '%pip install in notebooks while the job declares no libraries',
      resources: ['jobs.entity_matching_pipeline'],
    }),
    finding('dlt-pipeline-disabled', 'low', { file: 'resources/pipelines.yml', line: 2, message: 'resources/pipelines.yml is entirely commented out' }),
    finding('cli-init-missing', 'low', { message: 'No .databrickscfg template or init script' }),
  ];
}
