import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { preparePython } from '../../src/verify/python-env.js';
import { run } from '../../src/verify/runner.js';

describe('the configured Python for builds', () => {
  it('makes python3 and python in a user build line mean the configured Python, and cleans up', async () => {
    const py = preparePython('/usr/bin/python3', { PATH: '/nonexistent/bin:/usr/bin:/bin', PYTHONPATH: '/somewhere' })!;
    expect(py.python).toBe('/usr/bin/python3');
    const shimDir = py.buildEnv.PATH!.split(path.delimiter)[0];
    try {
      for (const name of ['python3', 'python']) {
        const r = await run(['bash', '-c', `${name} -c 'import sys, build; print(sys.executable)'`], { env: py.buildEnv });
        expect(r.exitCode).toBe(0);
        expect(r.stdout.trim()).toBe('/usr/bin/python3');
      }
      expect(py.cleanEnv.PYTHONPATH).toBeUndefined();
      expect(py.buildEnv.PATH).toBe(`${shimDir}:/usr/bin:/nonexistent/bin:/usr/bin:/bin`);
    } finally {
      py.cleanup();
    }
    expect(existsSync(shimDir)).toBe(false);
  });

  it('finds a bare name on PATH and returns nothing for a missing Python', () => {
    const py = preparePython('python3', { PATH: '/usr/bin' })!;
    expect(py.python).toBe('/usr/bin/python3');
    py.cleanup();
    expect(preparePython('/nonexistent/python3')).toBeUndefined();
    expect(preparePython('python3', { PATH: '/nonexistent' })).toBeUndefined();
  });
});
