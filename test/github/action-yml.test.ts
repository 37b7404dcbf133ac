import fs from 'node:fs';
import path from 'node:path';
import { convertActionTemplate, parseAction } from '@actions/workflow-parser/actions/index';
import { NoOperationTraceWriter } from '@actions/workflow-parser';
import { describe, expect, it, vi } from 'vitest';
import YAML from 'yaml';

vi.mock('@actions/core', () => ({ setSecret: vi.fn(), getInput: vi.fn(() => '') }));
const { readInputs } = await import('../../src/github/inputs.js');
const { resultOutputs } = await import('../../src/github/outputs.js');
const { bundle, result } = await import('./factory.js');

const file = path.resolve(__dirname, '../../action.yml');
const content = fs.readFileSync(file, 'utf8');
const raw = YAML.parse(content) as {
  inputs: Record<string, { description?: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description?: string }>;
};

describe('action.yml', () => {
  it("is valid for GitHub's own parser: node24, dist/index.js, branding", () => {
    const parsed = parseAction({ name: 'action.yml', content }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors()).toEqual([]);
    const template = convertActionTemplate(parsed.context, parsed.value!);
    expect(parsed.context.errors.getErrors()).toEqual([]);
    expect(template.runs).toMatchObject({ using: 'node24', main: 'dist/index.js' });
    expect(template.branding).toEqual({ icon: 'check-circle', color: 'orange' });
    expect(template.inputs!.length).toBe(Object.keys(raw.inputs).length);
  });

  it('describes every input and output, all optional', () => {
    for (const [name, input] of Object.entries(raw.inputs)) {
      expect(input.description, name).toBeTruthy();
      expect(input.required, name).toBe(false);
    }
    for (const [name, output] of Object.entries(raw.outputs)) expect(output.description, name).toBeTruthy();
    expect(raw.inputs['github-token'].default).toBe('${{ github.token }}');
    expect(raw.inputs.path.default).toBe('.');
    expect(raw.inputs.sarif.default).toBe(''); // under RUNNER_TEMP: nothing written into the checkout
    expect(raw.inputs.mode.default).toBe('check');
  });

  it('declares exactly the inputs the action reads', () => {
    const read = new Set<string>();
    readInputs((name) => {
      read.add(name);
      return '';
    });
    expect([...read].sort()).toEqual(Object.keys(raw.inputs).sort());
  });

  it('declares every output the action writes', () => {
    const written = [
      ...Object.keys(resultOutputs(result([bundle([])]))),
      'report-json',
      'sarif',
      'comment-url',
      'score-delta',
      // mode: plan / deploy (src/github/deploy-mode.ts)
      'matrix',
      'blocked',
      'has-phases',
      'run-urls',
      'deployed',
      'phase-status',
    ];
    expect(written.sort()).toEqual(Object.keys(raw.outputs).sort());
  });
});
