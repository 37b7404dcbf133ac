// undefined-variable: when the include root cause is named (only for an undeclared variable with
// no close name), the other-uses list at exactly five, a reference outside resources, the index
// kept on a suggestion, the resolver's own reason, and the fix for a declared variable's bad field.
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;
const IMPACT = '`bundle validate` and `bundle deploy` fail for the targets listed.';

describe('undefined-variable: the include root cause and the fix', () => {
  // built inside the test: Stryker activates a mutant per test, not while describe blocks are collected
  const load = () => loadRepo(
    {
      'b/databricks.yml': yaml(
        'bundle:', '  name: v', 'include:', '  - ../shared/vars.yml',
        'variables:', '  catalog:', '    default: main', '  cfg:', '    type: complex', '    default:', '      size: 1', '      list: [a]', '  s:', '    default: text',
        'resources:', '  jobs:', '    j:', '      name: ${var.catalgo}',
        '      description: "${var.cfg.zzzzzz} ${workspace.zzzzzz} ${var.s.x} ${var.cfg.lst[0]}"',
      ),
    },
    { bundleDir: 'b' },
  );
  it('a close name wins over the include; a declared variable, or a reference that is no variable, never gets the include', () => {
    const byText = Object.fromEntries(load().run('undefined-variable').map((f) => [f.message.split('\n')[0], f.fix?.text]));
    expect(byText).toEqual({
      'reference does not exist: ${var.catalgo}': 'Replace ${var.catalgo} with ${var.catalog}.',
      'reference does not exist: ${var.cfg.zzzzzz}': 'Fix the reference ${var.cfg.zzzzzz}.',
      'reference does not exist: ${workspace.zzzzzz}': 'Fix the reference ${workspace.zzzzzz}.',
      'expected a map to index "variables.s.value.x", found string (in ${var.s.x})': 'Fix the reference ${var.s.x}.',
      'reference does not exist: ${var.cfg.lst[0]}': 'Replace ${var.cfg.lst[0]} with ${var.cfg.list[0]}.',
    });
  });
});

describe('undefined-variable: uses and resources', () => {
  it('a reference first used in workspace: has no resources of its own; exactly five other uses are all listed', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: v', 'workspace:', '  root_path: /x/${var.nope}', 'resources:', '  jobs:',
        '    j:', '      name: ${var.nope}', '      tags:', '        a: ${var.nope}', '        b: ${var.nope}', '        c: ${var.nope}', '        d: ${var.nope}',
      ),
    });
    expect(repo.run('undefined-variable')).toEqual([
      {
        check: 'undefined-variable',
        message: 'reference does not exist: ${var.nope} (also used at databricks.yml:8, databricks.yml:10, databricks.yml:11, databricks.yml:12, databricks.yml:13)',
        loc: { file: 'databricks.yml', line: 4, column: 14 },
        resources: ['jobs.j'],
        evidence: 'root_path: /x/${var.nope}',
        impact: IMPACT,
        fix: { text: 'Declare `variables: {nope: {default: ...}}` or fix the reference.' },
      },
    ]);
    const only = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: v', 'workspace:', '  root_path: /x/${var.nope}') });
    expect(only.run('undefined-variable')).toEqual([
      {
        check: 'undefined-variable',
        message: 'reference does not exist: ${var.nope}',
        loc: { file: 'databricks.yml', line: 4, column: 14 },
        evidence: 'root_path: /x/${var.nope}',
        impact: IMPACT,
        fix: { text: 'Declare `variables: {nope: {default: ...}}` or fix the reference.' },
      },
    ]);
  });
});

describe('undefined-variable: assignments', () => {
  it('an undeclared assignment with two close names offers both', () => {
    const repo = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: v', 'variables:', '  cat1: {}', '  cat2: {}', 'targets:', '  dev:', '    variables:', '      cat: x') });
    expect(repo.run('undefined-variable', 'dev').map((f) => f.fix?.text)).toEqual(['Did you mean cat1 or cat2? Otherwise declare `variables: {cat: {}}` at the top level.']);
  });
});

describe('undefined-variable: an index of two digits', () => {
  it('${var.cfg.list[10]} names the existing field list: no other name is suggested; ${var.cfg.lst[10]} keeps its index on the suggestion', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: v', 'variables:', '  cfg:', '    type: complex', '    default:', '      list: [a]',
        'resources:', '  jobs:', '    j:', '      name: "${var.cfg.list[10]}"', '      description: "${var.cfg.lst[10]}"',
      ),
    });
    expect(repo.run('undefined-variable').map((f) => [f.loc?.line, f.message.split('\n')[0], f.fix?.text])).toEqual([
      [11, 'reference does not exist: ${var.cfg.list[10]}', 'Fix the reference ${var.cfg.list[10]}.'],
      [12, 'reference does not exist: ${var.cfg.lst[10]}', 'Replace ${var.cfg.lst[10]} with ${var.cfg.list[10]}.'],
    ]);
  });
});
