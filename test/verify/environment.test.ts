import { describe, expect, it } from 'vitest';
import { databricksEnv, isDenied, repositoryEnv, toolEnv } from '../../src/verify/environment.js';

const RUNNER_ENV: NodeJS.ProcessEnv = {
  PATH: '/usr/bin:/bin',
  HOME: '/home/runner',
  USER: 'runner',
  LANG: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
  TMPDIR: '/runner/tmp',
  HTTPS_PROXY: 'http://proxy:3128',
  no_proxy: 'localhost',
  SSL_CERT_FILE: '/etc/ssl/ca.pem',
  PIP_INDEX_URL: 'https://pypi.internal/simple',
  UV_INDEX_URL: 'https://pypi.internal/simple',
  PYTHONPATH: '/src',
  PYTHON_SERVICE_API_KEY: 'k',
  VIRTUAL_ENV: '/venv',
  DATABRICKS_HOST: 'https://x.cloud.databricks.com',
  DATABRICKS_TOKEN: 'dapi1',
  DATABRICKS_CLIENT_SECRET: 's',
  GITHUB_TOKEN: 'ghs_1',
  GITHUB_REPOSITORY: 'o/r',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token',
  ACTIONS_RUNTIME_TOKEN: 'rt',
  'INPUT_GITHUB-TOKEN': 'in',
  ARM_CLIENT_SECRET: 'arm',
  AWS_SECRET_ACCESS_KEY: 'aws',
  AZURE_CLIENT_SECRET: 'az',
  GOOGLE_CREDENTIALS: '{}',
  NPM_TOKEN: 'npm',
  SENTRY_DSN_SECRET: 'x',
  DB_PASSWORD: 'pw',
  SIGNING_KEY: 'key',
  BUNDLE_VAR_catalog: 'main',
  RANDOM_SETTING: 'x',
};

describe('the environment allow-lists', () => {
  it('repository code gets PATH, locale, temp, proxy, certificates, pip/uv index, PYTHON*, VIRTUAL_ENV; no HOME (the runner makes one)', () => {
    expect(repositoryEnv(RUNNER_ENV)).toEqual({
      PATH: '/usr/bin:/bin',
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      HTTPS_PROXY: 'http://proxy:3128',
      no_proxy: 'localhost',
      SSL_CERT_FILE: '/etc/ssl/ca.pem',
      PIP_INDEX_URL: 'https://pypi.internal/simple',
      UV_INDEX_URL: 'https://pypi.internal/simple',
      PYTHONPATH: '/src',
      VIRTUAL_ENV: '/venv',
    });
  });

  it('extra variables pass only when no deny rule names them', () => {
    expect(repositoryEnv({}, { PYTHONUNBUFFERED: '1', DATABRICKS_TOKEN: 'x', MY_TOKEN: 'y', HOME: '/home/runner' })).toEqual({ PYTHONUNBUFFERED: '1' });
  });

  it('the Databricks CLI gets its own variables, its auth providers and the safe base with the real HOME, nothing of GitHub or npm', () => {
    const env = databricksEnv(RUNNER_ENV);
    expect(Object.keys(env).sort()).toEqual(
      [
        'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
        'ACTIONS_ID_TOKEN_REQUEST_URL',
        'ARM_CLIENT_SECRET',
        'AZURE_CLIENT_SECRET',
        'BUNDLE_VAR_catalog',
        'DATABRICKS_CLIENT_SECRET',
        'DATABRICKS_HOST',
        'DATABRICKS_TOKEN',
        'GOOGLE_CREDENTIALS',
        'HOME',
        'HTTPS_PROXY',
        'LANG',
        'LC_ALL',
        'PATH',
        'SSL_CERT_FILE',
        'TMPDIR',
        'USER',
        'no_proxy',
      ].sort(),
    );
  });

  it("dab-ready's own tools (git) get the safe base and HOME, no secret", () => {
    expect(toolEnv(RUNNER_ENV)).toEqual({
      PATH: '/usr/bin:/bin',
      HOME: '/home/runner',
      USER: 'runner',
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      TMPDIR: '/runner/tmp',
      HTTPS_PROXY: 'http://proxy:3128',
      no_proxy: 'localhost',
      SSL_CERT_FILE: '/etc/ssl/ca.pem',
    });
  });

  it('denies by prefix and by suffix, whatever the case of the suffix', () => {
    for (const name of ['DATABRICKS_X', 'GITHUB_X', 'ACTIONS_X', 'INPUT_X', 'ARM_X', 'AWS_X', 'AZURE_X', 'GOOGLE_X', 'a_token', 'X_SECRET', 'X_PASSWORD', 'X_KEY', 'PYTHON_X_KEY']) {
      expect(isDenied(name), name).toBe(true);
    }
    for (const name of ['PATH', 'PYTHONPATH', 'PIP_INDEX_URL', 'LANG', 'KEYBOARD']) expect(isDenied(name), name).toBe(false);
  });
});
