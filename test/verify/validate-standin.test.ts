import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/verify/runner.js';
import { scenarioPath, scenarioSection, STANDIN_BIN } from '../fixtures/cli/read-scenario.js';

// The stand-in CLI itself, held against what the real CLI printed in databricks/cli's acceptance
// outputs (trailers, exit codes, strict mode, the comma split of --var, missing auth).

const dir = mkdtempSync(path.join(os.tmpdir(), 'dab-standin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, 'databricks.yml'), 'bundle:\n  name: nominal\n\ntargets:\n  development:\n    default: true\n  error: {}\n');
const NODE_DIR = path.dirname(process.execPath);
const CLI = path.join(STANDIN_BIN, 'databricks');
const creds = { DATABRICKS_HOST: 'https://dbc-x.cloud.databricks.com', DATABRICKS_TOKEN: 'dapi' + '0'.repeat(32) };

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  return run([CLI, ...args], { cwd: dir, env: { PATH: `${NODE_DIR}:/usr/bin:/bin`, HOME: dir, ...creds, ...env }, timeoutMs: 20_000 });
}

describe('stand-in databricks CLI', () => {
  it('text mode: diagnostics on stderr, summary and `Found 1 error and 5 warnings` on stdout, exit 1 (paths/nominal)', async () => {
    const r = await cli(['bundle', 'validate', '-t', 'error'], { DATABRICKS_STANDIN_SCENARIO: scenarioPath('nominal') });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(scenarioSection('nominal', 'validate.stderr@error') + '\n\n');
    expect(r.stdout).toMatch(/^Name: nominal\nTarget: error\nWorkspace:\n {2}Host: https:\/\/dbc-x\.cloud\.databricks\.com\n {2}User: .+\n {2}Path: \/Workspace\/Users\/.+\/\.bundle\/nominal\/error\n\nFound 1 error and 5 warnings\n$/);
  });

  it('-o json: the configuration on stdout even on error, diagnostics on stderr', async () => {
    const r = await cli(['bundle', 'validate', '-t', 'error', '-o', 'json'], { DATABRICKS_STANDIN_SCENARIO: scenarioPath('nominal') });
    expect(r.exitCode).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ bundle: { name: 'nominal', target: 'error' } });
    expect(r.stderr.startsWith('Warning: required field "entry_point" is not set\n')).toBe(true);
  });

  it('warnings only: exit 0 and `Found 7 warnings`; --strict adds the strict error line and exits 1 (validate/enum, validate/strict)', async () => {
    const scenario = { DATABRICKS_STANDIN_SCENARIO: scenarioPath('enum-warnings') };
    const lax = await cli(['bundle', 'validate'], scenario);
    expect(lax.exitCode).toBe(0);
    expect(lax.stdout.endsWith('\nFound 7 warnings\n')).toBe(true);
    const strict = await cli(['bundle', 'validate', '--strict'], scenario);
    expect(strict.exitCode).toBe(1);
    expect(strict.stderr.trimEnd().split('\n').pop()).toBe('Error: 7 warnings were found. Warnings are not allowed in strict mode');
  });

  it('no diagnostics: `Validation OK!`, exit 0; the trailer lists errors, warnings and recommendations', async () => {
    const ok = await cli(['bundle', 'validate']);
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout.endsWith('\nValidation OK!\n')).toBe(true);
    const three = path.join(dir, 'three.scenario');
    writeFileSync(three, '@@ validate.stderr\nError: a\n\nWarning: b\n\nWarning: c\n\nRecommendation: d\n');
    const r = await cli(['bundle', 'validate'], { DATABRICKS_STANDIN_SCENARIO: three });
    expect(r.stdout.endsWith('\nFound 1 error, 2 warnings, and 1 recommendation\n')).toBe(true);
  });

  it('fails authentication without credentials, like the SDK (exit 1)', async () => {
    const r = await cli(['bundle', 'validate'], { DATABRICKS_HOST: '', DATABRICKS_TOKEN: '' });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^Error: default auth: cannot configure default credentials, please check https:\/\/docs\.databricks\.com\/en\/dev-tools\/auth\.html#databricks-client-unified-authentication/);
  });

  it('splits --var at commas like cobra StringSlice (reference §3, issue #2983)', async () => {
    const r = await cli(['bundle', 'validate', '--var=k=a,b']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('Error: unexpected flag value for variable assignment: b\n');
  });

  it('rejects an unknown target with the CLI message', async () => {
    const r = await cli(['bundle', 'validate', '-t', 'nope']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('Error: nope: no such target. Available targets: development, error\n');
  });
});
