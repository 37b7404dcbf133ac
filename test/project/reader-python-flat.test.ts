// setuptools' flat-layout discovery (`_analyse_flat_packages() or _analyse_flat_modules()`), checked
// against real `python3 -m build --no-isolation` builds: top-level modules count only when
// there is no package, and each step refuses more than one of its kind.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileIndex } from '../../src/project/files.js';
import { readPythonProjects } from '../../src/project/python.js';
import { run } from '../../src/verify/runner.js';
import { makeTree, removeTree } from './reader-tmp.js';
import { BUILD_PYTHON } from '../support/python.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const WHEEL_TRUTH = path.join(here, '..', 'fixtures', 'readers', 'scripts', 'wheel_truth.py');
const PYTHON = BUILD_PYTHON;
const SETUP = 'from setuptools import setup\nsetup(name="my_test_code", version="0.0.1")\n';

const roots: string[] = [];
afterEach(() => {
  while (roots.length) removeTree(roots.pop()!);
});

interface Truth {
  ok: boolean;
  log: string;
  top?: string[];
}

async function buildAndRead(files: Record<string, string>) {
  const root = makeTree(files);
  roots.push(root);
  // Read first: the build leaves build/ and *.egg-info behind.
  const [project] = readPythonProjects(createFileIndex(root, root), []);
  const result = await run([PYTHON, WHEEL_TRUTH, root], { timeoutMs: 120_000 });
  expect(result.exitCode, result.stderr).toBe(0);
  const truth = JSON.parse(result.stdout) as Truth;
  const discovery = project.notes.filter((n) => n.check === 'package-discovery-failed');
  return { project, truth, discovery };
}

describe('flat-layout discovery agrees with the real setuptools build', () => {
  it('one package plus a top-level module (CLI case whl_implicit_notebook): builds, ships only the package', async () => {
    const { project, truth, discovery } = await buildAndRead({
      'setup.py': SETUP,
      'my_test_code/__init__.py': '',
      'my_test_code/__main__.py': 'print(1)\n',
      'notebook.py': '# Databricks notebook source\nprint(1)\n',
    });
    expect(truth.ok, truth.log).toBe(true);
    expect(truth.top).toEqual(['my_test_code']);
    expect(discovery).toEqual([]);
    expect(project.packages.map((p) => p.name)).toEqual(truth.top);
  });

  it('two packages: setuptools refuses, and so do we (naming the packages)', async () => {
    const { truth, discovery } = await buildAndRead({
      'setup.py': SETUP,
      'my_test_code/__init__.py': '',
      'other/__init__.py': '',
      'notebook.py': 'print(1)\n',
    });
    expect(truth.ok).toBe(false);
    expect(truth.log).toContain('Multiple top-level packages discovered in a flat-layout');
    expect(discovery).toHaveLength(1);
    expect(discovery[0].message).toContain('(my_test_code, other)');
    expect(discovery[0].message).toContain('Multiple top-level packages discovered in a flat-layout');
  });

  it('no package and two modules: setuptools refuses modules, and so do we', async () => {
    const { truth, discovery } = await buildAndRead({ 'setup.py': SETUP, 'alpha.py': 'A = 1\n', 'beta.py': 'B = 1\n' });
    expect(truth.ok).toBe(false);
    expect(truth.log).toContain('Multiple top-level modules discovered in a flat-layout');
    expect(discovery).toHaveLength(1);
    expect(discovery[0].message).toContain('(alpha, beta)');
    expect(discovery[0].message).toContain('Multiple top-level modules discovered in a flat-layout');
  });

  it('no package and one module: builds that module', async () => {
    const { project, truth, discovery } = await buildAndRead({ 'setup.py': SETUP, 'alpha.py': 'A = 1\n', 'conftest.py': '' });
    expect(truth.ok, truth.log).toBe(true);
    expect(truth.top).toEqual(['alpha']);
    expect(discovery).toEqual([]);
    expect(project.packages.map((p) => p.name)).toEqual(truth.top);
  });
});
