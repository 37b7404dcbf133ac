// lib/references.ts (which sections hold the references a target uses) and lib/typed-walk.ts (the
// schema walk behind enum-invalid and required-field-missing), seen through those checks.
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;

describe('references: the sections read', () => {
  it('references under targets (other than the merged one) and under an unknown anchor key are not the target\'s', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: r', 'x-common: &c "${var.nope_anchor}"',
        'resources:', '  jobs:', '    j:', '      name: "${var.nope} and ${var.nope}"',
        'targets:', '  dev:', '    default: true', '  prod:', '    resources:', '      jobs:', '        j:', '          description: ${var.nope_prod}',
      ),
    });
    expect(repo.run('undefined-variable', 'dev').map((f) => [f.message, f.loc?.line])).toEqual([['reference does not exist: ${var.nope}', 7]]);
  });
});

describe('references: the sections read (environments) and the resource a reference belongs to', () => {
  it('under environments (the old name of targets) only the merged environment\'s references are the target\'s', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: r', 'resources:', '  jobs:', '    j:', '      name: j',
        'environments:', '  prod:', '    resources: {jobs: {j: {description: "${var.nope_prod}"}}}',
        '  dev:', '    default: true', '    resources: {jobs: {j: {description: "${var.nope_dev}"}}}',
      ),
    });
    expect(repo.run('undefined-variable', 'dev').map((f) => [f.message, f.loc?.line])).toEqual([['reference does not exist: ${var.nope_dev}', 12]]);
  });

  it('a reference inside a variable named resources belongs to no resource', () => {
    const repo = loadRepo({
      'databricks.yml': yaml('bundle:', '  name: r', 'variables:', '  resources:', '    type: complex', '    default:', '      jobs:', '        j: "${var.nope}"'),
    });
    expect(repo.run('undefined-variable').map((f) => [f.message, f.loc?.line, f.resources])).toEqual([['reference does not exist: ${var.nope}', 8, undefined]]);
  });
});

describe('typed-walk: values of the wrong shape', () => {
  it('a resource type written as a scalar, a task written as a scalar and an unknown block are skipped, the rest is judged', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: t', 'resources:', '  pipelines: oops',
        '  jobs:', '    j:', '      name: j', '      unknown_block: {a: b}', '      tasks:', '        - oops',
        '        - task_key: t', '          run_if: SOMETIMES', '          notebook_task:', '            notebook_path: ./nb.py',
      ),
      'nb.py': '# Databricks notebook source\n',
    });
    expect(repo.run('enum-invalid').map((f) => f.loc?.line)).toEqual([12]);
    expect(repo.run('required-field-missing')).toEqual([]);
  });
});

describe('typed-walk: maps, sequences and enum values', () => {
  it('an enum inside a map of structs (artifacts) is judged; null and a mapping where an enum belongs are not enum values', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: t', 'artifacts:', '  w:', '    type: wheel', '    path: .',
        'resources:', '  jobs:', '    j:', '      name: j', '      tasks:',
        '        - task_key: a', '          run_if: ~', '          notebook_task:', '            notebook_path: ./nb.py',
        '        - task_key: b', '          run_if: {x: y}', '          notebook_task:', '            notebook_path: ./nb.py',
      ),
      'nb.py': '# Databricks notebook source\n',
    });
    expect(repo.run('enum-invalid').map((f) => f.loc?.line)).toEqual([5]);
  });

  it('a mapping where a list of tasks belongs is not walked as a list', () => {
    const repo = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: t', 'resources:', '  jobs:', '    j:', '      name: j', '      tasks:', '        a: {run_if: SOMETIMES}') });
    expect(repo.run('enum-invalid')).toEqual([]);
  });
});
