// The action's inputs, read once, checked, typed. A wrong value is a one-line error naming the
// input; secrets (the token, secret-looking variables) are masked before anything is logged.
import * as core from '@actions/core';
import type { Severity, ValidateOptions, VerifyOptions } from '../model.js';
import { SEVERITIES } from '../model.js';

export type ActionMode = 'check' | 'plan' | 'deploy';

export interface ActionInputs {
  mode: ActionMode;
  path: string;
  /** undefined = every target (`all`). */
  target?: string;
  configFile?: string;
  verify: boolean;
  validate: 'auto' | 'required' | 'off';
  python: string;
  buildIsolation: boolean;
  installDeps: boolean;
  /** undefined = the config file's `fail-on`, else `critical`. */
  failOn?: Severity | 'none';
  /** undefined = the config file's `min-score`, else 0. */
  minScore?: number;
  comment: 'auto' | 'true' | 'false';
  commentMode: 'update' | 'recreate' | 'off';
  summary: boolean;
  annotations: boolean;
  /** false = write no SARIF file; '' = under RUNNER_TEMP; else a path relative to the workspace. */
  sarif: string | false;
  token: string;
  phase?: string;
  deploy: boolean;
  run: boolean;
  autoApprove: boolean;
  failOnActiveRuns: boolean;
  /** The gate counts only findings the pull request added (against its base commit). */
  failOnNewOnly: boolean;
  /** Post GitHub suggestions (review comments) for mechanical fixes on lines in the diff. */
  suggestions: boolean;
  /** At most this many suggestions per run. */
  suggestionsMax: number;
  /** From the multiline `vars` input (`name=value` per line; commas kept). */
  vars: Record<string, string>;
}

export class InputError extends Error {}

const SECRET_NAME = /token|secret|password|passwd|credential|private|api[_-]?key|client[_-]?secret|pat$/i;

type Reader = (name: string) => string;

/** Read and check every input. `read` defaults to `core.getInput` (tests may pass their own). */
export function readInputs(read: Reader = (name) => core.getInput(name)): ActionInputs {
  const token = read('github-token');
  if (token) core.setSecret(token);
  const vars = parseVars(read('vars'));
  for (const [name, value] of Object.entries(vars)) if (value && SECRET_NAME.test(name)) core.setSecret(value);

  const target = read('target');
  const failOn = read('fail-on');
  const minScore = read('min-score');
  return {
    mode: oneOf(read, 'mode', ['check', 'plan', 'deploy'], 'check'),
    path: read('path') || '.',
    target: target && target !== 'all' ? target : undefined,
    configFile: read('config') || undefined,
    verify: bool(read, 'verify', true),
    validate: oneOf(read, 'validate', ['auto', 'required', 'off'], 'auto'),
    python: read('python') || 'python3',
    buildIsolation: bool(read, 'build-isolation', true),
    installDeps: bool(read, 'install-deps', true),
    failOn: failOn ? parseFailOn(failOn) : undefined,
    minScore: minScore ? parseMinScore(minScore) : undefined,
    comment: oneOf(read, 'comment', ['auto', 'true', 'false'], 'auto'),
    commentMode: oneOf(read, 'comment-mode', ['update', 'recreate', 'off'], 'update'),
    summary: bool(read, 'summary', true),
    annotations: bool(read, 'annotations', true),
    sarif: parseSarif(read('sarif')),
    token,
    phase: read('phase') || undefined,
    deploy: bool(read, 'deploy', true),
    run: bool(read, 'run', true),
    autoApprove: bool(read, 'auto-approve', false),
    failOnActiveRuns: bool(read, 'fail-on-active-runs', false),
    vars,
    failOnNewOnly: bool(read, 'fail-on-new-only', false),
    suggestions: bool(read, 'suggestions', true),
    suggestionsMax: count(read, 'suggestions-max', 5),
  };
}

function count(read: Reader, name: string, fallback: number): number {
  const value = read(name).trim();
  if (!value) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 50) throw new InputError(`input ${name} must be a whole number from 0 to 50 (got ${JSON.stringify(value)})`);
  return n;
}

function oneOf<T extends string>(read: Reader, name: string, allowed: readonly T[], fallback: T): T {
  const value = read(name).trim().toLowerCase();
  if (!value) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`input ${name} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
}

function bool(read: Reader, name: string, fallback: boolean): boolean {
  const value = read(name).trim().toLowerCase();
  if (!value) return fallback;
  if (['true', 'yes', 'on', '1'].includes(value)) return true;
  if (['false', 'no', 'off', '0'].includes(value)) return false;
  throw new InputError(`input ${name} must be true or false (got ${JSON.stringify(value)})`);
}

export function parseFailOn(value: string): Severity | 'none' {
  const v = value.trim().toLowerCase();
  if (v === 'none' || (SEVERITIES as readonly string[]).includes(v)) return v as Severity | 'none';
  throw new InputError(`input fail-on must be one of ${[...SEVERITIES, 'none'].join(', ')} (got ${JSON.stringify(value)})`);
}

/** `off` = no SARIF file; anything else is the path ('' = the default place under RUNNER_TEMP). */
export function parseSarif(value: string): string | false {
  const v = value.trim();
  return v.toLowerCase() === 'off' ? false : v;
}

export function parseMinScore(value: string): number {
  const n = Number(value.trim());
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new InputError(`input min-score must be a number from 0 to 100 (got ${JSON.stringify(value)})`);
  return n;
}

/** `name=value` per line; blank lines and `#` comments skipped; commas inside values kept. */
export function parseVars(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const name = eq > 0 ? line.slice(0, eq).trim() : '';
    if (!/^[A-Za-z_][\w-]*$/.test(name)) throw new InputError(`input vars, line ${index + 1}: expected name=value`);
    if (name in vars) throw new InputError(`input vars, line ${index + 1}: ${name} is given twice`);
    vars[name] = line.slice(eq + 1).trim();
  }
  return vars;
}

/** The engine's verify options from the inputs (undefined when `verify: false`). */
export function toVerifyOptions(inputs: ActionInputs, timeoutMs: number): VerifyOptions | undefined {
  return inputs.verify ? { python: inputs.python, isolation: inputs.buildIsolation, installDeps: inputs.installDeps, timeoutMs } : undefined;
}

/** The engine's validate options from the inputs (undefined when `validate: off`). */
export function toValidateOptions(inputs: ActionInputs, timeoutMs: number): ValidateOptions | undefined {
  return inputs.validate === 'off' ? undefined : { mode: inputs.validate, strict: false, timeoutMs, vars: inputs.vars };
}
