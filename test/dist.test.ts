import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '..');

function filesBelow(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesBelow(full, base) : [path.relative(base, full)];
  });
}

describe('dist/ is what the sources build to', () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'dab-ready-dist-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('matches a fresh ncc build byte for byte', () => {
    // the same script `npm run build` runs, into a temporary folder
    execFileSync(process.execPath, [path.join(repo, 'scripts', 'bundle.mjs'), out], { cwd: repo, stdio: 'pipe' });
    const fresh = filesBelow(out).sort();
    const committed = filesBelow(path.join(repo, 'dist')).sort();
    expect(committed).toEqual(fresh);
    for (const file of fresh) {
      const same = readFileSync(path.join(out, file)).equals(readFileSync(path.join(repo, 'dist', file)));
      expect(same, `dist/${file} is stale: run npm run build and commit dist/`).toBe(true);
    }
  }, 300_000);
});

describe('the built CLI runs for real', () => {
  const cli = path.join(repo, 'dist', 'cli', 'index.js');

  it('prints its version and lists checks', () => {
    const version = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).version);
    const list = spawnSync(process.execPath, [cli, 'checks'], { encoding: 'utf8' });
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/entry-point-missing\s+critical/);
  });

  it('checks the embedded example as JSON and fails the gate on its two blockers', () => {
    const run = spawnSync(process.execPath, [cli, 'check', 'examples/entity-matching', '--format', 'json'], { cwd: repo, encoding: 'utf8' });
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.schemaVersion).toBe(1);
    expect(result.bundles[0].score).toBe(65);
    expect(result.bundles[0].counts.critical).toBe(2);
  });

  it('passes the gate on the fixed example', () => {
    const run = spawnSync(process.execPath, [cli, 'check', 'examples/entity-matching-fixed', '--format', 'json'], { cwd: repo, encoding: 'utf8' });
    expect(run.stderr).not.toMatch(/could not run/);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).bundles[0].score).toBe(85);
  });

  it('exits 2 with a one-line error when there is no bundle', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'dab-ready-empty-'));
    const run = spawnSync(process.execPath, [cli, 'check', empty], { encoding: 'utf8' });
    rmSync(empty, { recursive: true, force: true });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^dab-ready: no bundle found below/);
  });
});
