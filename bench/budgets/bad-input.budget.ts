import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/engine.js';
import { machineLoad } from './timing.js';

const job = `resources:\n  jobs:\n    j:\n      name: j\n      tasks:\n        - task_key: t\n          notebook_task:\n            notebook_path: ../notebooks/missing.py\n`;

describe('bad input: 100,000 tiny resource files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dab-ready-budget-files-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('are analysed within 60 s of CPU, with the one broken file found', async () => {
    fs.mkdirSync(path.join(dir, '.git'));
    fs.mkdirSync(path.join(dir, 'resources'));
    fs.writeFileSync(path.join(dir, 'databricks.yml'), 'bundle:\n  name: many\ninclude:\n  - resources/*.yml\ntargets:\n  dev:\n    default: true\n');
    for (let i = 0; i < 100_000; i++) fs.writeFileSync(path.join(dir, 'resources', `r${i}.yml`), i === 54_321 ? job : `# part ${i}\n`);
    const started = process.cpuUsage();
    const { result } = await analyse({ path: dir, env: { PATH: process.env.PATH } });
    const used = process.cpuUsage(started);
    const cpuMs = (used.user + used.system) / 1000;
    console.log(`100,000 resource files: ${cpuMs.toFixed(0)} ms CPU, ${machineLoad()}`);
    expect(result.bundles[0].findings.filter((f) => f.check === 'path-not-found').map((f) => f.loc?.file)).toEqual(['resources/r54321.yml']);
    expect(cpuMs, machineLoad()).toBeLessThan(60_000);
  }, 600_000);
});
