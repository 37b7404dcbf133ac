// Bad input that must stay fast (#14): each one completes through the whole analysis with a finding
// at its file. Times are not asserted here: `npm run bench -- --budgets` (bench/budgets/bad-input.budget.ts)
// times the 100,000-file case; this suite reads 10,000 files, enough to show every file is read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/engine.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function bundle(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dab-ready-bad-input-'));
  made.push(dir);
  fs.mkdirSync(path.join(dir, '.git'));
  fs.writeFileSync(path.join(dir, 'databricks.yml'), 'bundle:\n  name: bad\ninclude:\n  - resources/*.yml\ntargets:\n  dev:\n    default: true\n');
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

async function findingsOf(dir: string) {
  const { result } = await analyse({ path: dir, env: { PATH: process.env.PATH } });
  return [...result.notices, ...result.bundles.flatMap((b) => b.findings)];
}

const job = (notebook: string) => `resources:\n  jobs:\n    j:\n      name: j\n      tasks:\n        - task_key: t\n          notebook_task:\n            notebook_path: ${notebook}\n`;

describe('bad input stays bounded and says so', () => {
  it('a 50 MB YAML file is not read: a finding at the file', async () => {
    const dir = bundle({});
    const big = path.join(dir, 'resources', 'big.yml');
    fs.mkdirSync(path.dirname(big), { recursive: true });
    fs.writeFileSync(big, 'resources:\n');
    fs.truncateSync(big, 50 * 1024 * 1024);
    const findings = await findingsOf(dir);
    expect(findings.find((f) => f.loc?.file === 'resources/big.yml')).toMatchObject({ check: 'config-invalid', message: expect.stringMatching(/50\.0 MB, larger than the 10 MB limit/) });
  });

  it('a notebook of 1 GB is recognised from its first bytes and not read whole: a finding at the notebook', async () => {
    const dir = bundle({ 'resources/job.yml': job('../notebooks/huge.py') });
    const notebook = path.join(dir, 'notebooks', 'huge.py');
    fs.mkdirSync(path.dirname(notebook), { recursive: true });
    fs.writeFileSync(notebook, '# Databricks notebook source\nprint(1)\n');
    fs.truncateSync(notebook, 1024 * 1024 * 1024); // sparse: no disk used
    const findings = await findingsOf(dir);
    expect(findings.filter((f) => f.check === 'path-not-found')).toEqual([]);
    expect(findings.find((f) => f.loc?.file === 'notebooks/huge.py')).toMatchObject({ message: expect.stringMatching(/1024\.0 MB, over the 10 MB read limit/) });
  });

  it('one mapping nested 10,000 levels deep: a finding at the file, the rest analysed', async () => {
    const deep = Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    const dir = bundle({ 'resources/deep.yml': deep, 'resources/job.yml': job('../notebooks/missing.py') });
    const findings = await findingsOf(dir);
    expect(findings.find((f) => f.loc?.file === 'resources/deep.yml')).toMatchObject({ check: 'config-invalid' });
    expect(findings.find((f) => f.check === 'path-not-found')).toMatchObject({ loc: { file: 'resources/job.yml', line: 8 } });
  }, 120_000);

  it('10,000 tiny resource files are all read: the one broken file gets its finding', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 10_000; i++) files[`resources/r${i}.yml`] = `# part ${i}\n`;
    files['resources/r5432.yml'] = job('../notebooks/missing.py');
    const dir = bundle(files);
    made.pop(); // removed here, within this test's time
    try {
      const findings = await findingsOf(dir);
      expect(findings.filter((f) => f.check === 'path-not-found')).toEqual([
        expect.objectContaining({ loc: { file: 'resources/r5432.yml', line: 8, column: 28 } }),
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
