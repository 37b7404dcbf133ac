// Findings of target-mode-violation and variable-cycle pinned whole (message, line, evidence,
// severity, impact, fix), each next to the cases it must not report.
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;
const at = (line: number, column: number) => ({ file: 'databricks.yml', line, column });

describe('target-mode-violation: production', () => {
  const rootPathFix = { text: 'Set targets.prod.workspace.root_path, e.g. /Workspace/Users/<deployer>/.bundle/${bundle.name}/${bundle.target}.' };

  it('pipelines with development: true (or "true"), and a missing root_path while a job runs as the deployer: high, must', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: p', 'resources:', '  pipelines:',
        '    p:', '      name: p', '      development: true',
        '    q:', '      name: q', '      development: "true"',
        '    r:', '      name: r', '      development: false',
        '  jobs:', '    j:', '      name: j',
        'targets:', '  prod:', '    mode: production',
      ),
    });
    const dev = (key: string, line: number, evidence: string) => ({
      check: 'target-mode-violation',
      message: `target with 'mode: production' cannot include a pipeline with 'development: true' (pipelines.${key} in target prod)`,
      loc: at(line, 20),
      resources: [`pipelines.${key}`],
      evidence,
      impact: '`bundle validate` and `bundle deploy` fail for target prod.',
      fix: { text: `Remove \`development: true\` from pipelines.${key} (set it in the development target instead).` },
    });
    expect(repo.run('target-mode-violation', 'prod')).toEqual([
      dev('p', 7, 'development: true'),
      dev('q', 10, 'development: "true"'),
      {
        check: 'target-mode-violation',
        severity: 'high',
        message:
          "target with 'mode: production' must set 'workspace.root_path' to make sure only one copy is deployed (target prod; the CLI downgrades this to a recommendation only when a service principal deploys)",
        loc: at(18, 3),
        evidence: 'prod:\n  mode: production',
        impact: '`bundle validate` and `bundle deploy` fail for target prod unless a service principal deploys.',
        fix: rootPathFix,
      },
    ]);
  });

  it('every job runs as another identity: low, should', () => {
    const repo = loadRepo({
      'databricks.yml': yaml('bundle:', '  name: p', 'resources:', '  jobs:', '    j:', '      name: j', '      run_as:', '        service_principal_name: sp', 'targets:', '  prod:', '    mode: production'),
    });
    expect(repo.run('target-mode-violation', 'prod')).toEqual([
      {
        check: 'target-mode-violation',
        severity: 'low',
        message: "target with 'mode: production' should set 'workspace.root_path' to make sure only one copy is deployed (target prod)",
        loc: at(10, 3),
        evidence: 'prod:\n  mode: production',
        impact: 'Each deploying identity gets its own copy under its home folder.',
        fix: rootPathFix,
      },
    ]);
  });

  it('a root_path set in the (legacy) environments section: no finding', () => {
    expect(loadRepo({ 'databricks.yml': yaml('bundle:', '  name: p', 'environments:', '  prod:', '    mode: production', '    workspace:', '      root_path: /Workspace/x') }).run('target-mode-violation', 'prod')).toEqual([]);
  });
});

describe('target-mode-violation: development', () => {
  const impact = '`bundle validate` and `bundle deploy` fail for target dev.';

  it('UNPAUSED triggers and the first workspace path that cannot hold the user name (~, /Users/... and volumes pass first)', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: p', 'targets:', '  dev:', '    mode: development', '    presets:', '      trigger_pause_status: UNPAUSED',
        '    workspace:', '      root_path: ~/x', '      file_path: /Workspace/Users/a@b.c/f', '      resource_path: /Shared/r', '      artifact_path: /Volumes/c/s/v',
      ),
    });
    expect(repo.run('target-mode-violation', 'dev')).toEqual([
      {
        check: 'target-mode-violation',
        message: "target with 'mode: development' cannot set trigger pause status to UNPAUSED by default (target dev)",
        loc: at(7, 29),
        evidence: 'trigger_pause_status: UNPAUSED',
        impact,
        fix: { text: 'Remove presets.trigger_pause_status (development pauses triggers), or unpause single jobs explicitly.' },
      },
      {
        check: 'target-mode-violation',
        message: "resource_path must start with '~/' or contain the current username to ensure uniqueness when using 'mode: development' (target dev)",
        loc: at(11, 22),
        evidence: 'resource_path: /Shared/r',
        impact,
        fix: { text: 'Put ${workspace.current_user.short_name} into workspace.resource_path, or use a path under ~/.' },
      },
    ]);
  });

  it('an artifact_path on a volume: should contain the user name; ${workspace.current_user...} and unresolved paths pass', () => {
    const repo = loadRepo({
      'databricks.yml': yaml('bundle:', '  name: p', 'targets:', '  dev:', '    mode: development', '    workspace:', '      root_path: ${workspace.current_user.userName}/x', '      artifact_path: /Volumes/c/s/v', '      state_path: ${var.unresolved}/s'),
    });
    expect(repo.run('target-mode-violation', 'dev')).toEqual([
      {
        check: 'target-mode-violation',
        message: "artifact_path should contain the current username or ${workspace.current_user.short_name} to ensure uniqueness when using 'mode: development' (target dev)",
        loc: at(8, 22),
        evidence: 'artifact_path: /Volumes/c/s/v',
        impact,
        fix: { text: 'Put ${workspace.current_user.short_name} into workspace.artifact_path, or use a path under ~/.' },
      },
    ]);
  });

  it('no mode: no finding', () => {
    expect(loadRepo({ 'databricks.yml': yaml('bundle:', '  name: p', 'workspace:', '  root_path: /Shared/r') }).run('target-mode-violation')).toEqual([]);
  });
});

describe('variable-cycle', () => {
  it('plain variables in a cycle: the CLI chain from the first one, reported once', () => {
    const repo = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: c', 'variables:', '  a:', '    default: ${var.b}', '  b:', '    default: ${var.c}', '  c:', '    default: x-${var.a}') });
    expect(repo.run('variable-cycle')).toEqual([
      {
        check: 'variable-cycle',
        message: 'cycle detected in field resolution: variables.a.default -> var.b -> var.c -> var.a -> var.b',
        loc: at(5, 14),
        evidence: 'default: ${var.b}',
        impact: '`bundle validate` and `bundle deploy` fail for target default.',
        fix: { text: 'Give one of var.a, var.b, var.c a value that does not reference the others.' },
      },
    ]);
  });

  it('complex variables referencing each other through fields (var.n.y, variables.m.value.x) and used by a resource: high', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: c', 'variables:',
        '  m:', '    type: complex', '    default:', '      x: ${var.n.y}',
        '  n:', '    type: complex', '    default:', '      y: ${variables.m.value.x}', '      z: fine',
        '  o:', '    default: ${var.n.z}',
        'resources:', '  jobs:', '    j:', '      name: ${var.m.x}',
      ),
    });
    expect(repo.run('variable-cycle')).toEqual([
      {
        check: 'variable-cycle',
        severity: 'high',
        message: 'Variables references are too deep, stopping resolution after 11 rounds. Unresolved variables may remain. (var.m, var.n reference each other in a cycle)',
        loc: at(7, 10),
        evidence: 'x: ${var.n.y}',
        impact: 'Resources that use these variables keep unresolved ${...} text: deploy or the run fails.',
        fix: { text: 'Break the cycle: give one of var.m, var.n (or one of its fields) a literal value.' },
      },
    ]);
  });

  it('a complex variable whose fields reference each other, used nowhere: medium', () => {
    const repo = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: c', 'variables:', '  m:', '    type: complex', '    default:', '      x: ${var.m.y}', '      y: ${var.m.x}') });
    expect(repo.run('variable-cycle')).toEqual([
      {
        check: 'variable-cycle',
        severity: 'medium',
        message: 'Variables references are too deep, stopping resolution after 11 rounds. Unresolved variables may remain. (var.m reference each other in a cycle)',
        loc: at(7, 10),
        evidence: 'x: ${var.m.y}',
        impact: 'Nothing uses these variables yet; any resource that does will keep unresolved ${...} text.',
        fix: { text: 'Break the cycle: give one of var.m (or one of its fields) a literal value.' },
      },
    ]);
  });

  it('references without a cycle, and a field that references a sibling: no finding', () => {
    expect(loadRepo({ 'databricks.yml': yaml('bundle:', '  name: c', 'variables:', '  a:', '    default: ${var.b}', '  b:', '    default: x') }).run('variable-cycle')).toEqual([]);
    expect(loadRepo({ 'databricks.yml': yaml('bundle:', '  name: c', 'variables:', '  m:', '    type: complex', '    default:', '      x: ${var.m.y}', '      y: plain') }).run('variable-cycle')).toEqual([]);
  });
});
