// undefined-variable findings pinned whole: one per reference that names nothing (its other uses
// listed, five at most), the CLI's "did you mean" per segment, the likely root cause (an include that
// matches nothing), and target assignments to undeclared variables.
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;
const at = (line: number, column: number) => ({ file: 'databricks.yml', line, column });
const IMPACT = '`bundle validate` and `bundle deploy` fail for the targets listed.';

describe('undefined-variable', () => {
  it('references that name nothing, with suggestions for a variable, a workspace field and a complex variable field; assignments to undeclared variables', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: u', 'variables:', '  catalog:', '    default: main', '  cfg:', '    type: complex', '    default:', '      size: 1',
        'resources:', '  jobs:',
        '    j:', '      name: ${var.catalgo}', '      description: "${var.catalgo} ${var.nothing_like_it} ${workspace.curent_user.userName} ${var.cfg.siz}"',
        '    k:', '      name: ${var.catalgo}', '      tags:', '        a: ${var.catalgo}', '        b: ${var.catalgo}', '        c: ${var.catalgo}', '        d: ${var.catalgo}', '        e: ${var.catalgo}',
        'targets:', '  dev:', '    default: true', '    variables:', '      catlog: x', '      zzz: y',
      ),
    });
    const description = 'description: "${var.catalgo} ${var.nothing_like_it} ${workspace.curent_user.userName} ${var.cfg.siz}"';
    expect(repo.run('undefined-variable', 'dev')).toEqual([
      {
        check: 'undefined-variable',
        message:
          'reference does not exist: ${var.catalgo} (also used at databricks.yml:14, databricks.yml:16, databricks.yml:18, databricks.yml:19, databricks.yml:20, and 2 more)\n\ndid you mean:\n  ${var.catalog}',
        loc: at(13, 13),
        resources: ['jobs.j', 'jobs.k'],
        evidence: 'name: ${var.catalgo}',
        impact: IMPACT,
        fix: { text: 'Replace ${var.catalgo} with ${var.catalog} everywhere.' },
      },
      {
        check: 'undefined-variable',
        message: 'reference does not exist: ${var.nothing_like_it}',
        loc: at(14, 20),
        resources: ['jobs.j'],
        evidence: description,
        impact: IMPACT,
        fix: { text: 'Declare `variables: {nothing_like_it: {default: ...}}` or fix the reference.' },
      },
      {
        check: 'undefined-variable',
        message: 'reference does not exist: ${workspace.curent_user.userName}\n\ndid you mean:\n  ${workspace.current_user.userName}',
        loc: at(14, 20),
        resources: ['jobs.j'],
        evidence: description,
        impact: IMPACT,
        fix: { text: 'Replace ${workspace.curent_user.userName} with ${workspace.current_user.userName}.' },
      },
      {
        check: 'undefined-variable',
        message: 'reference does not exist: ${var.cfg.siz}\n\ndid you mean:\n  ${var.cfg.size}',
        loc: at(14, 20),
        resources: ['jobs.j'],
        evidence: description,
        impact: IMPACT,
        fix: { text: 'Replace ${var.cfg.siz} with ${var.cfg.size}.' },
      },
      {
        check: 'undefined-variable',
        message: 'failed to perform target override for target=dev: variable catlog is not defined but is assigned a value',
        loc: at(27, 7),
        evidence: 'catlog: x',
        impact: '`bundle validate` and `bundle deploy` fail for target dev.',
        fix: { text: 'Did you mean catalog? Otherwise declare `variables: {catlog: {}}` at the top level.' },
      },
      {
        check: 'undefined-variable',
        message: 'failed to perform target override for target=dev: variable zzz is not defined but is assigned a value',
        loc: at(28, 7),
        evidence: 'zzz: y',
        impact: '`bundle validate` and `bundle deploy` fail for target dev.',
        fix: { text: 'Declare `variables: {zzz: {description: ...}}` at the top level, or remove the assignment.' },
      },
    ]);
  });

  it('an undeclared variable and an include out of the bundle that matches nothing: the include is named as the likely cause', () => {
    const repo = loadRepo({ 'b/databricks.yml': yaml('bundle:', '  name: v', 'include:', '  - ../shared/vars.yml', 'resources:', '  jobs:', '    j:', '      name: ${var.x}') }, { bundleDir: 'b' });
    expect(repo.run('undefined-variable')).toEqual([
      {
        check: 'undefined-variable',
        message: 'reference does not exist: ${var.x}; no file matches include `../shared/vars.yml` (databricks.yml:4), which may be meant to define it',
        loc: at(8, 13),
        resources: ['jobs.j'],
        evidence: 'name: ${var.x}',
        impact: IMPACT,
        fix: {
          text: 'Make include `../shared/vars.yml` (databricks.yml:4) match the file meant to define it (include paths are relative to the bundle root, and the file must exist in every checkout, CI included). Otherwise declare the variable under top-level `variables:`.',
        },
      },
    ]);
  });

  it('declared variables and built-in workspace and bundle fields: no finding', () => {
    const repo = loadRepo({
      'databricks.yml': yaml('bundle:', '  name: u', 'variables:', '  catalog:', '    default: main', 'resources:', '  jobs:', '    j:', '      name: "${var.catalog} ${bundle.target} ${workspace.current_user.short_name} ${bundle.git.branch}"'),
    });
    expect(repo.run('undefined-variable')).toEqual([]);
  });
});
