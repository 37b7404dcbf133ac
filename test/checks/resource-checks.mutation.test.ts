// Findings of the resource-level validators pinned whole (message, line, resources, evidence, impact,
// fix), each next to the case it must not report: what a user reads, so a changed word fails a test.
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;
const at = (file: string, line: number, column: number) => ({ file, line, column });
const FAILS = '`bundle validate` and `bundle deploy` fail for target default.';

describe('resource-file-disabled', () => {
  const repo = () =>
    loadRepo({
      'databricks.yml': yaml('bundle:', '  name: d', 'include:', '  - resources/*.yml'),
      'resources/one.yml': yaml('# resources:', '#   jobs:', '#     nightly:', '#       name: n'),
      'resources/two.yml': yaml('# a note', '# resources:', '#   jobs:', '#     a: {}', '#     b: {}'),
      'resources/bad.yml': yaml('# resources:', '#   jobs: [unclosed'),
      'resources/pipe.yml': yaml('# resources:', '#   pipelines:', '#     p:', '#       name: p', '#   jobs:', '#     j: {}'),
      'resources/notes.yml': yaml('# just notes', '# nothing else'),
      'resources/live.yml': yaml('# resources:', 'resources: {}'),
    });
  const finding = (file: string, line: number, what: string, evidence: string) => ({
    check: 'resource-file-disabled',
    message: `${file} is entirely commented out: ${what} not deployed`,
    loc: at(file, line, 1),
    resources: [],
    evidence,
    impact: 'The commented resources do not exist in the workspace; nothing that relies on them can run.',
    fix: { text: `Uncomment the resources to deploy them (paths relative to ${file}), or delete ${file}.` },
  });

  it('reports each commented-out resource file: one resource "is", several "are", unreadable YAML "its resources are"', () => {
    expect(repo().run('resource-file-disabled')).toEqual([
      finding('resources/bad.yml', 1, 'its resources are', '# resources:\n#   jobs: [unclosed\n'),
      finding('resources/one.yml', 1, 'jobs.nightly is', '# resources:\n#   jobs:\n#     nightly:\n#       name: n\n'),
      finding('resources/two.yml', 2, 'jobs.a, jobs.b are', '# resources:\n#   jobs:\n#     a: {}\n#     b: {}\n'),
    ]);
  });
});

describe('alert-file-interpolation', () => {
  it('reports a local .dbalert.json holding ${...}; not one without, a remote path, a ${...} path or a missing file', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: a', 'resources:', '  alerts:',
        '    bad:', '      file_path: ./a.dbalert.json',
        '    good:', '      file_path: ./b.dbalert.json',
        '    remote:', '      file_path: /Workspace/x.dbalert.json',
        '    ref:', '      file_path: ${var.p}',
        '    missing:', '      file_path: ./none.dbalert.json',
        'variables:', '  p:', '    default: ./a.dbalert.json',
      ),
      'a.dbalert.json': '{"display_name": "${var.p}"}',
      'b.dbalert.json': '{"display_name": "x"}',
    });
    expect(repo.run('alert-file-interpolation')).toEqual([
      {
        check: 'alert-file-interpolation',
        message: '.alert file a.dbalert.json must not contain variable interpolations.',
        loc: at('databricks.yml', 6, 18),
        resources: ['alerts.bad'],
        evidence: 'file_path: ./a.dbalert.json',
        impact: FAILS,
        fix: { text: 'Please inline the alert configuration in the bundle configuration to use variables.' },
      },
    ]);
  });
});

describe('environment-client-invalid', () => {
  it('reports client and environment_version values that are no version number; "2", " 2 ", "2.1" and ${...} pass', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: c', 'resources:', '  jobs:', '    j:', '      environments:',
        '        - environment_key: a', '          spec:', '            client: databricks', '            environment_version: " 2 "',
        '        - environment_key: b', '          spec:', '            client: "2.1"', '            environment_version: latest',
        '        - environment_key: c', '          spec:', '            client: ${var.c}',
        'variables:', '  c:', '    default: x',
      ),
    });
    const finding = (key: string, value: string, line: number, column: number) => ({
      check: 'environment-client-invalid',
      message: `environments.spec.${key} is "${value}"; it must be an environment version such as "2"`,
      loc: at('databricks.yml', line, column),
      resources: ['jobs.j'],
      evidence: `${key}: ${value}`,
      impact: 'Creating the job is expected to fail: the serverless environment version does not exist.',
      fix: { text: `Set ${key}: "2" (or the environment version your code is tested with).` },
    });
    expect(repo.run('environment-client-invalid')).toEqual([finding('client', 'databricks', 9, 21), finding('environment_version', 'latest', 14, 34)]);
  });
});

describe('resource-undefined', () => {
  it('reports each key without a body, naming the type in the singular as the CLI does', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: u', 'resources:',
        '  jobs:', '    j:',
        '  vector_search_indexes:', '    i:',
        '  genie_spaces:', '    g:',
        '  schemas:', '    s: {name: s, catalog_name: c}',
      ),
    });
    const finding = (type: string, singular: string, key: string, line: number, evidence: string) => ({
      check: 'resource-undefined',
      message: `${singular} ${key} is not defined`,
      loc: at('databricks.yml', line, 5),
      resources: [`${type}.${key}`],
      evidence,
      impact: FAILS,
      fix: { text: `Indent the definition of ${type}.${key} under its key, or remove the key.` },
    });
    expect(repo.run('resource-undefined')).toEqual([
      finding('jobs', 'job', 'j', 5, '  j:\nvector_search_indexes:'),
      finding('vector_search_indexes', 'vector_search_index', 'i', 7, '  i:\ngenie_spaces:'),
      finding('genie_spaces', 'genie_space', 'g', 9, '  g:\nschemas:'),
    ]);
  });
});

describe('secret-value-literal', () => {
  it('reports a value that is no string or missing, a literal (never shown), and a variable with a default; not ${var.x} without default or ${bundle.*}', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: s', 'variables:', '  d:', '    default: hunter2', '  n:', '    description: x', 'resources:', '  secrets:',
        '    map: {catalog_name: c, schema_name: s, name: a, value: {k: v}}',
        '    none: {catalog_name: c, schema_name: s, name: b}',
        '    lit: {catalog_name: c, schema_name: s, name: c, value: hunter2}',
        '    def: {catalog_name: c, schema_name: s, name: d, value: "${var.d}"}',
        '    ok: {catalog_name: c, schema_name: s, name: e, value: "${var.n}"}',
        '    other: {catalog_name: c, schema_name: s, name: f, value: "${bundle.name}"}',
      ),
    });
    const base = (key: string) => ({ check: 'secret-value-literal', resources: [`secrets.${key}`], impact: FAILS });
    const notString = (key: string) => `Secret value must be a string: the secret value for "${key}" must be a string`;
    expect(repo.run('secret-value-literal')).toEqual([
      { ...base('map'), message: notString('map'), loc: at('databricks.yml', 10, 10), fix: { text: 'Set value: ${var.<name>}.' } },
      { ...base('none'), message: notString('none'), loc: at('databricks.yml', 11, 11), fix: { text: 'Set value: ${var.<name>}.' } },
      {
        ...base('lit'),
        message: 'Secret value must be a variable reference: the secret value for "lit" is written in the configuration',
        loc: at('databricks.yml', 12, 60),
        evidence: '(value not shown)',
        fix: { text: 'Set value: ${var.<name>} and pass the secret at deploy time; rotate the secret that was committed.' },
      },
      {
        ...base('def'),
        message: 'Variable used for secret value must not have a default value: variable "d" used for the secret "def" has one',
        loc: at('databricks.yml', 5, 14),
        fix: { text: 'Remove the default of d and pass the value with --var, BUNDLE_VAR_d or a variable overrides file.' },
      },
    ]);
  });
});

describe('resource-key-interpolation', () => {
  it('reports ${...} in resource keys at the top level, in targets and in environments, with the full path', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: k', 'resources:', '  jobs:', '    ${var.e}_job:', '      name: x', '    plain:', '      name: p',
        'targets:', '  dev:', '    resources:', '      jobs:', '        t_${bundle.target}:', '          name: y',
        'environments:', '  old:', '    resources:', '      jobs:', '        e_${var.e}:', '          name: z',
        'variables:', '  e:', '    default: a',
      ),
    });
    const finding = (key: string, where: string, line: number, column: number) => ({
      check: 'resource-key-interpolation',
      message: `resource key "${key}" must not contain variable references (${where})`,
      loc: at('databricks.yml', line, column),
      evidence: `${key}:`,
      impact: '`bundle validate` and `bundle deploy` fail for every target.',
      fix: { text: `Use a literal key for ${where} and put the variable into its name.` },
    });
    const expected = [
      finding('${var.e}_job', 'resources.jobs.${var.e}_job', 5, 5),
      finding('t_${bundle.target}', 'targets.dev.resources.jobs.t_${bundle.target}', 13, 9),
      finding('e_${var.e}', 'environments.old.resources.jobs.e_${var.e}', 19, 9),
    ];
    expect(repo.run('resource-key-interpolation')).toEqual(expected);
    // computed once per bundle, handed out again as a fresh list for every target
    const again = repo.run('resource-key-interpolation', 'dev');
    expect(again).toEqual(expected);
  });
});

describe('task-dependency-undefined', () => {
  it('a dependency on a task no task resembles: the fix adds it; "?" names a task without task_key; ${...} and defined keys pass', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: t', 'resources:', '  jobs:', '    j:', '      tasks:',
        '        - task_key: ingest', '        - depends_on:', '            - task_key: zzz', '            - task_key: ${var.x}', '            - task_key: ingest',
        'variables:', '  x:', '    default: q',
      ),
    });
    expect(repo.run('task-dependency-undefined')).toEqual([
      {
        check: 'task-dependency-undefined',
        message: 'task ? depends on task zzz, which job j does not define in target default',
        loc: at('databricks.yml', 9, 25),
        resources: ['jobs.j'],
        evidence: '- task_key: zzz',
        impact: '`bundle deploy` fails for target default: the Jobs API rejects the dependency graph.',
        fix: { text: 'Add task zzz to jobs.j or remove the dependency.' },
      },
    ]);
  });

  it('a job that is clean in one target is still judged in a target that drops the task', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: t', 'resources:', '  jobs:', '    j:', '      tasks:',
        '        - task_key: a', '        - task_key: b', '          depends_on:', '            - task_key: a',
        'targets:', '  dev:', '    default: true', '  prod:', '    resources:', '      jobs:', '        j:', '          tasks:', '            - task_key: b', '              depends_on:', '                - task_key: c',
      ),
    });
    expect(repo.run('task-dependency-undefined', 'dev')).toEqual([]);
    expect(repo.run('task-dependency-undefined', 'dev')).toEqual([]);
    expect(repo.run('task-dependency-undefined', 'prod').map((f) => f.message)).toEqual(['task b depends on task c, which job j does not define in target prod']);
  });
});

describe('direct-only-resource', () => {
  const finding = (address: string, title: string, why: string, line: number, evidence: string) => ({
    check: 'direct-only-resource',
    message: `${title} resources are only supported with direct deployment mode (${address}; ${why})`,
    loc: at('databricks.yml', line, 5),
    resources: [address],
    evidence,
    impact: FAILS,
    fix: { text: 'Set `bundle.engine: direct` (or DATABRICKS_BUNDLE_ENGINE=direct).' },
  });

  it('bundle.engine: terraform: every direct-only resource, its type title-cased in the singular', () => {
    const repo = loadRepo({
      'databricks.yml': yaml('bundle:', '  name: d', '  engine: terraform', 'resources:', '  vector_search_endpoints:', '    ep:', '      name: ep', '  catalogs:', '    c:', '      name: c', '  jobs:', '    j:', '      name: j'),
    });
    expect(repo.run('direct-only-resource')).toEqual([
      finding('catalogs.c', 'Catalog', 'bundle.engine is terraform', 9, 'c:\n  name: c'),
      finding('vector_search_endpoints.ep', 'Vector Search Endpoint', 'bundle.engine is terraform', 6, 'ep:\n  name: ep'),
    ]);
  });

  it('DATABRICKS_BUNDLE_ENGINE=terraform is named as the reason; no engine pinned: no finding', () => {
    const files = { 'databricks.yml': yaml('bundle:', '  name: d', 'resources:', '  catalogs:', '    c:', '      name: c') };
    expect(loadRepo(files, { env: { DATABRICKS_BUNDLE_ENGINE: 'terraform' } }).run('direct-only-resource')).toEqual([
      finding('catalogs.c', 'Catalog', 'DATABRICKS_BUNDLE_ENGINE is terraform', 5, 'c:\n  name: c'),
    ]);
    expect(loadRepo(files).run('direct-only-resource')).toEqual([]);
  });
});

describe('environment-client-invalid: what a version number is', () => {
  it('"12" and "2.10" are versions; "v2" and "2beta" are not', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: c', 'resources:', '  jobs:', '    j:', '      environments:',
        '        - environment_key: a', '          spec:', '            client: "12"', '            environment_version: "2.10"',
        '        - environment_key: b', '          spec:', '            client: v2', '            environment_version: 2beta',
      ),
    });
    expect(repo.run('environment-client-invalid').map((f) => f.message)).toEqual([
      'environments.spec.client is "v2"; it must be an environment version such as "2"',
      'environments.spec.environment_version is "2beta"; it must be an environment version such as "2"',
    ]);
  });
});

describe('job-cluster-key-undefined and task-dependency-undefined: jobs shared by targets', () => {
  const files = {
    'databricks.yml': yaml(
      'bundle:', '  name: t', 'resources:', '  jobs:', '    j:',
      '      job_clusters:', '        - new_cluster: {spark_version: 15.4.x-scala2.12}',
      '      tasks:', '        - task_key: ingest', '          job_cluster_key: big', '        - task_key: ingress', '        - task_key: report', '          depends_on:', '            - task_key: ingets',
      'targets:', '  dev:', '    default: true', '  prod: {}',
    ),
  };

  it('a job with an undefined key is reported in every target that shares it', () => {
    const repo = loadRepo(files);
    for (const target of ['dev', 'prod']) {
      expect(repo.run('job-cluster-key-undefined', target).map((f) => [f.message, f.fix?.text])).toEqual([
        ['job_cluster_key big is not defined', 'Add `job_clusters: [{job_cluster_key: big, new_cluster: {...}}]` to jobs.j.'],
      ]);
      expect(repo.run('task-dependency-undefined', target).map((f) => [f.message, f.fix?.text])).toEqual([
        [`task report depends on task ingets, which job j does not define in target ${target}`, 'Did you mean ingest or ingress?'],
      ]);
    }
  });
});
