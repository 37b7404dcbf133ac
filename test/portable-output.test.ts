// Issue 11 item 7: no absolute path in any message, evidence or fix, and the JSON report of a
// repository copied to two folders is byte-identical (verification durations aside). Real runs: the
// loader, every check, the wheel build and entry-point smoke run, `bundle validate` through the
// stand-in CLI whose diagnostics name absolute paths as the real CLI does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { analyse } from '../src/engine.js';
import { renderJson } from '../src/report/json.js';
import { inRepository } from './checks/precision-helpers.js';
import { STANDIN_BIN } from './fixtures/cli/read-scenario.js';
import { BUILD_PYTHON } from './support/python.js';

const scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dab-portable-')));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));
const outsideFile = path.join(scratch, 'outside-notebook.py');
fs.writeFileSync(outsideFile, '# Databricks notebook source\n');

async function reportOf(repo: string, name: string): Promise<string> {
  fs.symlinkSync(outsideFile, path.join(repo, 'bundle/notebooks/linked.py'));
  // What the real CLI prints for this bundle: absolute paths of wherever it is checked out.
  const scenario = path.join(scratch, `${name}.scenario`);
  fs.writeFileSync(
    scenario,
    [
      'Diagnostics of cli acceptance/bundle/paths/outside_root_no_sync and pipeline_expected_file_got_notebook, for this checkout.',
      '@@ validate.stderr',
      `Error: path ${repo}/src/outside.py is not contained in sync root path ${repo}/bundle`,
      '',
      `Error: expected a file for "resources.pipelines.features.libraries[0].file.path" but got a notebook: file at ${repo}/bundle/notebooks/features.py is a notebook`,
      '',
    ].join('\n'),
  );
  const home = path.join(scratch, `${name}-home`);
  fs.mkdirSync(home);
  const env = {
    PATH: `${STANDIN_BIN}${path.delimiter}${path.dirname(process.execPath)}${path.delimiter}/usr/bin:/bin`,
    HOME: home,
    DATABRICKS_TOKEN: 'dapi0123456789abcdef0123456789abcdef',
    DATABRICKS_STANDIN_SCENARIO: scenario,
  };
  const { result } = await analyse({
    path: path.join(repo, 'bundle'),
    env,
    verify: { python: BUILD_PYTHON, isolation: false, installDeps: false, timeoutMs: 120_000 },
    validate: { mode: 'auto', strict: false, timeoutMs: 60_000, vars: {} },
  });
  return renderJson(result).replace(/"durationMs": \d+/g, '"durationMs": 0');
}

test('the JSON of one repository checked out in two folders is byte-identical and names no absolute path', async () => {
  const first = inRepository('portable');
  const second = inRepository('portable');
  const [a, b] = [await reportOf(first, 'first'), await reportOf(second, 'second')];
  for (const [json, repo] of [[a, first], [b, second]]) {
    expect(json).not.toContain(repo);
    expect(json).not.toContain(scratch);
    expect(json).not.toContain(os.tmpdir());
  }
  expect(a).toBe(b);

  // The run really covered what names absolute paths: the CLI's path errors (merged into the static
  // findings, matched by their now relative subjects), the symlink, the wheel build and smoke run.
  const findings = JSON.parse(a).bundles[0].findings as { check: string; message: string; validateAgrees?: boolean }[];
  const byCheck = (check: string) => findings.filter((f) => f.check === check);
  expect(byCheck('path-outside-sync-root').map((f) => [f.message, f.validateAgrees])).toEqual([
    ['path ../src/outside.py is not contained in sync root path . (the bundle root)', true],
  ]);
  expect(byCheck('path-kind-mismatch').map((f) => [f.message, f.validateAgrees])).toEqual([
    ['expected a file for "resources.pipelines.features.libraries[0].file.path" but got a notebook: file at notebooks/features.py is a notebook', true],
  ]);
  expect(byCheck('bundle-validate-error')).toEqual([]);
  // One finding per problem: the notebook outside the sync root is not also "not synced".
  expect(byCheck('sync-excludes-source')).toEqual([]);
  expect(byCheck('symlink-outside-repo').map((f) => f.message)).toEqual(['notebooks/linked.py is a symbolic link to an absolute path (.../outside-notebook.py) outside the repository: it is treated as missing']);
  const steps = JSON.parse(a).bundles[0].verification as { step: string; status: string }[];
  expect(steps.map((s) => [s.step, s.status])).toEqual([
    ['build', 'passed'],
    ['inspect', 'passed'],
    ['smoke', 'passed'], // installs the wheel into a clean venv
    ['smoke', 'passed'], // hello --help
    ['validate', 'failed'],
  ]);
}, 300_000);
