// target-mode-violation: which workspace paths can hold the user name in development mode
// (/Users/<name> with or without /Workspace, not /Users further down), and a production
// pipeline without a development key.
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;
const first = (path: string) =>
  loadRepo({ 'databricks.yml': yaml('bundle:', '  name: p', 'targets:', '  dev:', '    mode: development', '    workspace:', `      root_path: ${path}`) })
    .run('target-mode-violation', 'dev')
    .map((f) => f.message);
const MUST = "root_path must start with '~/' or contain the current username to ensure uniqueness when using 'mode: development' (target dev)";

describe('target-mode-violation: development paths', () => {
  it('/Users/<name>/... and /Workspace/Users/<name>/... may hold the user name (also a service principal id without @)', () => {
    expect([first('/Users/xyz/r'), first('/Workspace/Users/1234-abcd/r')]).toEqual([[], []]);
  });

  it('a Users folder further down, or /Users/ alone, cannot', () => {
    expect([first('/Shared/Users/team/r'), first('/Workspace/Users/')]).toEqual([[MUST], [MUST]]);
  });
});

describe('target-mode-violation: production pipelines', () => {
  it('a pipeline without a development key is fine; development: "true" is read as true', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: p', 'resources:', '  pipelines:', '    a:', '      name: a', '    b:', '      name: b', '      development: "true"',
        'targets:', '  prod:', '    mode: production', '    workspace:', '      root_path: /Shared/p',
      ),
    });
    expect(repo.run('target-mode-violation', 'prod').map((f) => f.resources)).toEqual([['pipelines.b']]);
  });
});

describe('target-mode-violation: more development paths', () => {
  it('an empty path, an unresolved one and one whose variable holds a user folder pass', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: p', 'variables:', '  home:', '    default: /Users/me', 'targets:',
        '  a:', '    mode: development', '    workspace:', '      root_path: ""',
        '  b:', '    mode: development', '    workspace:', '      root_path: ${var.unset_here}/x',
        '  c:', '    mode: development', '    workspace:', '      root_path: ${var.home}/x',
      ),
    });
    expect(['a', 'b', 'c'].map((t) => repo.run('target-mode-violation', t))).toEqual([[], [], []]);
  });

  it('"should contain" only for an artifact_path on a volume; a root_path on a volume or a plain artifact_path must', () => {
    const messages = (field: string, value: string) =>
      loadRepo({ 'databricks.yml': yaml('bundle:', '  name: p', 'targets:', '  dev:', '    mode: development', '    workspace:', `      ${field}: ${value}`) })
        .run('target-mode-violation', 'dev')
        .map((f) => f.message.split(' to ensure')[0]);
    expect([messages('root_path', '/Volumes/c/s/v/x'), messages('artifact_path', '/Shared/a')]).toEqual([
      ["root_path must start with '~/' or contain the current username"],
      ["artifact_path must start with '~/' or contain the current username"],
    ]);
  });
});

describe('target-mode-violation: production root_path', () => {
  const severity = (rows: string[]) =>
    loadRepo({ 'databricks.yml': yaml('bundle:', '  name: p', ...rows, 'targets:', '  prod:', '    mode: production') })
      .run('target-mode-violation', 'prod')
      .map((f) => f.severity);
  it('low when run_as is set at the top; high when only some jobs run as another identity', () => {
    expect([
      severity(['run_as:', '  service_principal_name: sp', 'resources:', '  jobs:', '    j:', '      name: j']),
      severity(['resources:', '  jobs:', '    j:', '      name: j', '      run_as:', '        service_principal_name: sp', '    k:', '      name: k']),
    ]).toEqual([['low'], ['high']]);
  });
});
