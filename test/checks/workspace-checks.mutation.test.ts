// Findings of the validators of workspace paths, authentication fields, scripts, resource specs and
// managed fields, pinned whole (message, line, evidence, impact, fix), each next to the cases it
// must not report.
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;
const at = (line: number, column: number) => ({ file: 'databricks.yml', line, column });
const FAILS = '`bundle validate` and `bundle deploy` fail for target default.';

describe('volume-path-invalid', () => {
  const onVolume = (field: string, value: string, line: number, column: number, evidence = `${field}: ${value}`) => ({
    check: 'volume-path-invalid',
    message: `workspace.${field} ${value} starts with /Volumes. /Volumes can only be used with workspace.artifact_path.`,
    loc: at(line, column),
    evidence,
    impact: FAILS,
    fix: { text: `Point workspace.${field} into the workspace file system (e.g. /Workspace/...); only artifact_path may be a volume.` },
  });

  it('reports workspace paths on a volume (also through ${var...}) and an artifact_path that names no volume', () => {
    const repo = loadRepo({
      'databricks.yml': yaml('bundle:', '  name: v', 'workspace:', '  file_path: /Volumes/c/s/v/files', '  state_path: ${var.p}/state', '  artifact_path: /Volumes/c/s', 'variables:', '  p:', '    default: /Volumes/c/s/v'),
    });
    expect(repo.run('volume-path-invalid')).toEqual([
      onVolume('file_path', '/Volumes/c/s/v/files', 4, 14),
      onVolume('state_path', '/Volumes/c/s/v/state', 5, 15, 'state_path: ${var.p}/state'),
      {
        check: 'volume-path-invalid',
        message: 'expected UC volume path to be in the format /Volumes/<catalog>/<schema>/<volume>/..., got /Volumes/c/s',
        loc: at(6, 18),
        evidence: 'artifact_path: /Volumes/c/s',
        impact: FAILS,
        fix: { text: 'Write workspace.artifact_path as /Volumes/<catalog>/<schema>/<volume>/<folder>.' },
      },
    ]);
  });

  it('a root_path on a volume is the only finding, as in the CLI; a full artifact_path volume passes', () => {
    const repo = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: v', 'workspace:', '  root_path: /Volumes/c/s/v/root', '  file_path: /Volumes/c/s/v/files', '  artifact_path: /Volumes/c') });
    expect(repo.run('volume-path-invalid')).toEqual([onVolume('root_path', '/Volumes/c/s/v/root', 4, 14)]);
    expect(loadRepo({ 'databricks.yml': yaml('bundle:', '  name: v', 'workspace:', '  artifact_path: /Volumes/c/s/v/a', '  root_path: /Workspace/x') }).run('volume-path-invalid')).toEqual([]);
  });
});

describe('script-invalid', () => {
  it('reports an empty script, the first ${...} in content and env references resolved too late, scripts sorted by name', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: s', 'scripts:',
        '  zeta:', '    content: echo ${bundle.name} ${var.x}',
        '  alpha:', '    content: ""',
        '  env:', '    content: echo $A', '    env:', '      B: ${resources.jobs.j.id}', '      A: ${workspace.host} ${variables.x.value} ${var.x}',
        'variables:', '  x:', '    default: 1',
      ),
    });
    const impact = '`bundle validate` fails for target default.';
    expect(repo.run('script-invalid')).toEqual([
      { check: 'script-invalid', impact, message: 'Script alpha has no content', loc: at(6, 3), evidence: 'alpha:\n  content: ""\nenv:', fix: { text: 'Give scripts.alpha a content: the command to run.' } },
      {
        check: 'script-invalid',
        impact,
        message: '${resources.jobs.j.id} cannot be used in scripts.env.env.B; only ${bundle.*}, ${workspace.*}, and ${var.*} are resolved before scripts execute',
        loc: at(11, 10),
        evidence: 'B: ${resources.jobs.j.id}',
        fix: { text: 'Use a bundle, workspace or variable reference here.' },
      },
      {
        check: 'script-invalid',
        impact,
        message: 'Found ${bundle.name} in script zeta.content. Interpolation syntax ${...} is not supported in script content',
        loc: at(5, 14),
        evidence: 'content: echo ${bundle.name} ${var.x}',
        fix: { text: 'Declare an env entry (env: {MY_VAR: ${bundle.name}}) and use $MY_VAR in the content.' },
      },
    ]);
  });
});

describe('resource-spec-conflict', () => {
  it('reports a genie space with file_path and serialized_space, an endpoint with served_models and served_entities, and served_models alone as deprecated', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: s', 'resources:', '  genie_spaces:',
        '    g:', '      title: g', '      warehouse_id: w', '      file_path: ./g.geniespace.json', '      serialized_space: "{}"',
        '    h:', '      title: h', '      warehouse_id: w', '      file_path: ./g.geniespace.json',
        '  model_serving_endpoints:',
        '    both:', '      name: both', '      config:', '        served_models:', '          - model_name: m', '        served_entities:', '          - entity_name: e',
        '    old:', '      name: old', '      config:', '        served_models:', '          - model_name: m',
        '    new:', '      name: new', '      config:', '        served_entities:', '          - entity_name: e',
      ),
      'g.geniespace.json': '{}',
    });
    expect(repo.run('resource-spec-conflict')).toEqual([
      {
        check: 'resource-spec-conflict',
        message: 'both file_path and serialized_space are set; specify only one (resources.genie_spaces.g)',
        loc: at(9, 25),
        resources: ['genie_spaces.g'],
        evidence: '  file_path: ./g.geniespace.json\n  serialized_space: "{}"\nh:',
        impact: FAILS,
        fix: { text: 'Keep file_path (the .geniespace.json file) or serialized_space, not both.' },
      },
      {
        check: 'resource-spec-conflict',
        message: 'Cannot use both served_models and served_entities (resources.model_serving_endpoints.both)',
        loc: at(16, 7),
        resources: ['model_serving_endpoints.both'],
        evidence: 'served_models:\n  - model_name: m\nserved_entities:',
        impact: FAILS,
        fix: { text: 'Move the served_models entries to served_entities and remove served_models.' },
      },
      {
        check: 'resource-spec-conflict',
        severity: 'medium',
        message: 'Using served_models is deprecated (resources.model_serving_endpoints.old); the CLI converts it to served_entities',
        loc: at(26, 11),
        resources: ['model_serving_endpoints.old'],
        evidence: '      - model_name: m\nnew:',
        impact: 'Works today; the served_models field is deprecated.',
        fix: { text: 'Write served_entities (entity_name, entity_version) instead of served_models (model_name, model_version).' },
      },
    ]);
  });
});

describe('auth-interpolation', () => {
  it('a host with ${...}: critical, with the CLI error (https:// added only when the host has no scheme)', () => {
    const repo = (host: string) => loadRepo({ 'databricks.yml': yaml('bundle:', '  name: a', 'workspace:', `  host: ${host}`, 'variables:', '  h:', '    default: x') });
    expect(repo('https://${var.h}.cloud.databricks.com').run('auth-interpolation')).toEqual([
      {
        check: 'auth-interpolation',
        severity: 'critical',
        message:
          'Variable interpolation is not supported for fields that configure authentication: workspace.host is https://${var.h}.cloud.databricks.com; the CLI then fails with: failed during request visitor: parse "https://${var.h}.cloud.databricks.com": invalid character "{" in host name',
        loc: at(4, 9),
        evidence: 'host: https://${var.h}.cloud.databricks.com',
        impact: '`bundle validate`, `bundle deploy` and every other bundle command fail: the host is the literal text.',
        fix: { text: 'Write workspace.host literally per target, or remove it and set the DATABRICKS_HOST environment variable if you wish to configure this field at runtime.' },
      },
    ]);
    expect(repo('${var.h}').run('auth-interpolation').map((f) => f.message)).toEqual([
      'Variable interpolation is not supported for fields that configure authentication: workspace.host is ${var.h}; the CLI then fails with: failed during request visitor: parse "https://${var.h}": invalid character "{" in host name',
    ]);
  });

  it('another auth field with ${...}: the check default severity, naming its environment variable; a literal passes', () => {
    const repo = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: a', 'workspace:', '  profile: ${var.p}', '  client_id: literal', 'variables:', '  p:', '    default: y') });
    expect(repo.run('auth-interpolation')).toEqual([
      {
        check: 'auth-interpolation',
        message: 'Variable interpolation is not supported for fields that configure authentication: workspace.profile is ${var.p}',
        loc: at(4, 12),
        evidence: 'profile: ${var.p}',
        impact: 'The literal text ${var.p} is used as profile: authentication fails or uses the wrong identity.',
        fix: { text: 'Write workspace.profile literally per target, or remove it and set the DATABRICKS_CONFIG_PROFILE environment variable if you wish to configure this field at runtime.' },
      },
    ]);
  });
});

describe('managed-field-set', () => {
  it('reports each managed field with its own wording; dashboards and genie spaces at the resource; an empty value passes', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: m', 'resources:',
        '  jobs:', '    j:', '      name: j', '      deployment:', '        kind: BUNDLE', '        deployment_id: abc', '        version_id: ""',
        '  pipelines:', '    p:', '      name: p', '      deployment:', '        version_id: v1',
        '  dashboards:', '    d:', '      display_name: D', '      etag: "12"', '    e:', '      etag: "13"',
        '  genie_spaces:', '    g:', '      title: G', '      warehouse_id: w', '      etag: "1"',
        '  job_runs:', '    r:', '      job_id: 1', '      idempotency_token: tok',
      ),
    });
    const finding = (address: string, field: string, message: string, line: number, column: number, evidence: string) => ({
      check: 'managed-field-set',
      message: `${message} (resources.${address}.${field})`,
      loc: at(line, column),
      resources: [address],
      evidence,
      impact: FAILS,
      fix: { text: `Remove ${field} from ${address}.` },
    });
    const managed = 'must not be set in bundle configuration; it is managed by Declarative Automation Bundles';
    expect(repo.run('managed-field-set')).toEqual([
      finding('jobs.j', 'deployment.deployment_id', `deployment_id ${managed}`, 9, 24, 'deployment_id: abc'),
      finding('pipelines.p', 'deployment.version_id', `version_id ${managed}`, 15, 21, 'version_id: v1'),
      finding('dashboards.d', 'etag', 'dashboard "D" has an etag set. Etags must not be set in bundle configuration', 18, 7, 'etag: "12"'),
      finding('dashboards.e', 'etag', 'dashboard "" has an etag set. Etags must not be set in bundle configuration', 21, 7, 'etag: "13"'),
      finding('genie_spaces.g', 'etag', 'genie space "G" has an etag set. Etags must not be set in bundle configuration', 24, 7, 'etag: "1"'),
      finding('job_runs.r', 'idempotency_token', 'idempotency_token must not be set in bundle configuration; the CLI sets it on each run-now request', 30, 26, 'idempotency_token: tok'),
    ]);
  });
});
