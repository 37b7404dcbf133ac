// artifact-not-configured and python-resources-not-analysed: their one finding each, on small
// bundles on disk, and the configurations that have none.
import { describe, expect, test } from 'vitest';
import { artifactNotConfigured } from '../../src/checks/artifact-not-configured.js';
import { pythonResourcesNotAnalysed } from '../../src/checks/python-resources-not-analysed.js';
import { runOnFiles } from './seed-helpers.js';

describe('artifact-not-configured', () => {
  const run = (artifacts: string) =>
    runOnFiles(artifactNotConfigured, { 'databricks.yml': `bundle:\n  name: a\nartifacts:\n${artifacts}targets:\n  dev:\n    default: true\n` });

  test('an artifact key without a body: the CLI message at the key, for the target', () => {
    const findings = run('  built:\n    type: whl\n    path: .\n  empty:\n    # type: whl\n    # path: .\n');
    expect(findings).toEqual([
      {
        check: 'artifact-not-configured',
        message: 'Artifact not properly configured: please specify artifact properties for empty',
        loc: expect.objectContaining({ file: 'databricks.yml', line: 7, column: 3 }),
        resources: ['artifacts.empty'],
        evidence: 'empty:\n  # type: whl\n  # path: .',
        impact: '`bundle validate` and `bundle deploy` fail for target dev.',
        fix: { text: 'Give artifacts.empty its properties (e.g. `type: whl`, `build: uv build --wheel`, `path: .`) or remove it.' },
      },
    ]);
  });

  test('an explicit null (~) is no body either; an artifact with properties is fine', () => {
    expect(run('  a: ~\n  b:\n    type: whl\n').map((f) => f.resources)).toEqual([['artifacts.a']]);
    expect(run('  b:\n    type: whl\n')).toEqual([]);
  });
});

describe('python-resources-not-analysed', () => {
  test('python.resources set: one info finding at it, saying what is not analysed and how to see it', () => {
    const findings = runOnFiles(pythonResourcesNotAnalysed, {
      'databricks.yml': 'bundle:\n  name: p\npython:\n  venv_path: .venv\n  resources:\n    - "resources:load_resources"\n  mutators: []\n',
    });
    expect(findings).toEqual([
      {
        check: 'python-resources-not-analysed',
        message: 'resources defined in Python (python.resources) are not analysed: findings cover only the resources defined in YAML',
        loc: expect.objectContaining({ file: 'databricks.yml', line: 5 }),
        resources: [],
        evidence: 'resources:\n  - "resources:load_resources"\nmutators: []',
        impact: 'Jobs and pipelines created by Python code may have problems this report cannot see.',
        fix: { text: 'Review the Python-defined resources with `databricks bundle validate -o json`.' },
      },
    ]);
  });

  test('python without resources (only mutators or a venv): nothing', () => {
    expect(runOnFiles(pythonResourcesNotAnalysed, { 'databricks.yml': 'bundle:\n  name: p\npython:\n  venv_path: .venv\n' })).toEqual([]);
  });
});
