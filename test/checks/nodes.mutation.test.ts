// The node helpers of lib/nodes.ts seen through the checks that use them: a value of the wrong kind
// (a scalar where a mapping belongs, a mapping where a name belongs, null) is no value, never a crash
// or the text "undefined" / "null"; references are found in sequence items and under any key.
import { describe, expect, it } from 'vitest';
import { referenceScalars } from '../../src/checks/lib/references.js';
import { libraryDepsInconsistent } from '../../src/checks/library-deps-inconsistent.js';
import { localVectorSearch } from '../../src/checks/local-vector-search.js';
import { modelRegistryUnresolved } from '../../src/checks/model-registry-unresolved.js';
import type { Node } from '../../src/model.js';
import { parseConfigText } from '../../src/project/yaml.js';
import { runOnFiles } from './seed-helpers.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;
const job = (task: string) => `bundle:\n  name: n\nresources:\n  jobs:\n    j:\n      name: j\n      tasks:\n        - task_key: t\n${task}`;

describe('nodes: values of the wrong kind', () => {
  it('a notebook_task written as a scalar has no notebook_path', () => {
    expect(runOnFiles(localVectorSearch, { 'databricks.yml': job('          notebook_task: oops\n') })).toEqual([]);
  });

  it('a model name written as a mapping, or as null, names no model', () => {
    const params = (value: string) => job(`          notebook_task:\n            notebook_path: ./run.py\n            base_parameters:\n              model_name: ${value}\n`);
    expect(runOnFiles(modelRegistryUnresolved, { 'databricks.yml': params('{a: b}'), 'run.py': 'print(1)\n' })).toEqual([]);
    expect(runOnFiles(modelRegistryUnresolved, { 'databricks.yml': params('~'), 'run.py': 'print(1)\n' })).toEqual([]);
  });

  it('pipeline environment dependencies written as a mapping are no list', () => {
    const files = {
      'databricks.yml': yaml(
        'bundle:', '  name: n', 'resources:', '  pipelines:', '    p:', '      name: p', '      serverless: true',
        '      environment:', '        dependencies:', '          a: b', '      libraries:', '        - file:', '            path: ./flow.py',
      ),
      'flow.py': '# Databricks notebook source\n%pip install rapidfuzz==3.0.0\n',
    };
    expect(runOnFiles(libraryDepsInconsistent, files).map((f) => f.message)).toEqual([
      'flow.py installs rapidfuzz==3.0.0 with %pip install while pipeline p declares no environment dependencies',
    ]);
  });
});

describe('nodes: where references are found', () => {
  it('string scalars holding ${ in sequences and maps, under their paths; numbers, plain strings and an empty key path', () => {
    const { file } = parseConfigText(
      'databricks.yml',
      'a:\n  - "${var.x}"\n  - plain\n  - 5\n  - {k: "${var.y}", n: 7, s: nope}\nb: "${var.z}"\nc: {"": "${var.e}"}\n',
    );
    const root = file.root as Node;
    expect(referenceScalars(root, '').map((s) => `${s.path}=${s.text}`)).toEqual(['a[0]=${var.x}', 'a[3].k=${var.y}', 'b=${var.z}', 'c.=${var.e}']);
    expect(referenceScalars(root, 'top').map((s) => s.path)).toEqual(['top.a[0]', 'top.a[3].k', 'top.b', 'top.c.']);
  });
});
