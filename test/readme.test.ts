import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../src/checks/catalog.js';
import { checksTable } from '../src/cli/explain.js';

const repo = path.resolve(__dirname, '..');
const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');

describe('README', () => {
  it('lists every check, generated from the checks metadata', () => {
    const table = readme.slice(readme.indexOf('<!-- checks-table:start -->\n') + '<!-- checks-table:start -->\n'.length, readme.indexOf('<!-- checks-table:end -->'));
    expect(table).toBe(checksTable());
    for (const check of catalog) expect(readme).toContain(`\`${check.id}\``);
  });

  it('names the two commands, and .ci/run runs the test one', () => {
    expect(readme).toContain('npm ci && npm run example');
    expect(readme).toMatch(/^npm test\s/m);
    const scripts = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).scripts;
    expect(scripts.example).toBe('node scripts/example.mjs');
    expect(readFileSync(path.join(repo, '.ci', 'run'), 'utf8')).toMatch(/\nnpm test -- /);
  });

  it('documents every action input and output', () => {
    const action = readFileSync(path.join(repo, 'action.yml'), 'utf8');
    const section = (name: string) => action.slice(action.indexOf(`\n${name}:`) + 1).split(/\n(?=\S)/)[0];
    const keys = (block: string) => [...block.matchAll(/^ {2}([a-z-]+):/gm)].map((m) => m[1]);
    for (const input of keys(section('inputs'))) expect(readme, `input ${input}`).toContain(`\`${input}\``);
    for (const output of keys(section('outputs'))) expect(readme, `output ${output}`).toContain(`\`${output}\``);
  });
});
