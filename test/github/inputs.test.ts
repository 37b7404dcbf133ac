import { describe, expect, it, vi } from 'vitest';

const setSecret = vi.fn();
vi.mock('@actions/core', () => ({ setSecret, getInput: vi.fn(() => '') }));
const { InputError, parseVars, readInputs } = await import('../../src/github/inputs.js');

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('action inputs', () => {
  it('reads the defaults of action.yml', () => {
    const inputs = readInputs(reader({ path: '.', target: 'all', verify: 'true', validate: 'auto', comment: 'auto', 'comment-mode': 'update', sarif: '' }));
    expect(inputs).toMatchObject({
      mode: 'check',
      path: '.',
      target: undefined,
      verify: true,
      validate: 'auto',
      failOn: undefined,
      minScore: undefined,
      comment: 'auto',
      commentMode: 'update',
      summary: true,
      annotations: true,
      sarif: '',
      deploy: true,
      run: true,
      autoApprove: false,
      vars: {},
    });
  });

  it('sarif: empty means the default place, `off` means none, anything else is the path', () => {
    expect(readInputs(reader({ sarif: '' })).sarif).toBe('');
    expect(readInputs(reader({ sarif: ' OFF ' })).sarif).toBe(false);
    expect(readInputs(reader({ sarif: 'reports/dab-ready.sarif' })).sarif).toBe('reports/dab-ready.sarif');
  });

  it('masks the token and secret-looking variables, never plain ones', () => {
    setSecret.mockClear();
    readInputs(reader({ 'github-token': 'ghs_abc123', vars: 'warehouse_id=abc,def\nservice_token=s3cr3t-value\n# comment\n\nclient_secret = xyz' }));
    expect(setSecret.mock.calls.map((c) => c[0])).toEqual(['ghs_abc123', 's3cr3t-value', 'xyz']);
  });

  it('keeps commas in variable values and refuses malformed lines', () => {
    expect(parseVars('a=1,2,3\nb = x=y')).toEqual({ a: '1,2,3', b: 'x=y' });
    expect(() => parseVars('just-a-value')).toThrow('input vars, line 1: expected name=value');
    expect(() => parseVars('a=1\na=2')).toThrow('input vars, line 2: a is given twice');
  });

  it('names the input and the allowed values on a wrong value', () => {
    expect(() => readInputs(reader({ 'fail-on': 'sometimes' }))).toThrow(InputError);
    expect(() => readInputs(reader({ 'fail-on': 'sometimes' }))).toThrow('input fail-on must be one of critical, high, medium, low, info, none (got "sometimes")');
    expect(() => readInputs(reader({ 'min-score': '120' }))).toThrow('input min-score must be a number from 0 to 100');
    expect(() => readInputs(reader({ verify: 'maybe' }))).toThrow('input verify must be true or false');
    expect(() => readInputs(reader({ 'comment-mode': 'append' }))).toThrow('input comment-mode must be one of update, recreate, off');
    expect(readInputs(reader({ 'fail-on': 'HIGH', 'min-score': '70', verify: 'False' }))).toMatchObject({ failOn: 'high', minScore: 70, verify: false });
  });
});
