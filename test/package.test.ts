import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/shared.js';

// The npm package as a user gets it: `npm pack`, installed from the tarball into an empty folder
// with no registry and an empty cache (so a runtime dependency left out of the bundle cannot be
// fetched), then `npx dab-ready check` on the example. Uses whatever dist/ the checkout has.

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies?: Record<string, string>;
  bin: Record<string, string>;
  files: string[];
};
const BUNDLES = ['dist/index.js', 'dist/cli/index.js'];
const built = BUNDLES.every((file) => fs.existsSync(path.join(REPO_ROOT, file)));
const NEEDS_DIST = { meta: { skipReason: 'dist/ is not built (npm run build)' } };

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dab-ready-pack-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** npm with its own empty cache and home: nothing from this machine's npm state helps. */
function npm(args: string[], cwd: string) {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: path.join(scratch, 'home'),
    npm_config_cache: path.join(scratch, 'npm-cache'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  return spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 240_000 });
}

/** Every module a bundle loads at run time: ESM imports and ncc's createRequire calls. */
function externalModules(file: string): string[] {
  const code = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
  const found = new Set<string>();
  for (const m of code.matchAll(/createRequire\(import\.meta\.url\)\("([^"]+)"\)/g)) found.add(m[1]);
  for (const m of code.matchAll(/^import\s[^'"]*?from\s*"([^"]+)"/gm)) found.add(m[1]);
  for (const m of code.matchAll(/\bimport\("([^"./][^"]*)"\)/g)) found.add(m[1]);
  return [...found].sort();
}

describe('the npm package', () => {
  it('has no runtime dependencies: the bundles hold them', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.bin).toEqual({ 'dab-ready': 'dist/cli/index.js' });
  });

  it.skipIf(!built)('the bundles load nothing but Node built-ins', NEEDS_DIST, () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    for (const file of BUNDLES) {
      const external = externalModules(file);
      expect(external.length, `${file} loads built-ins through ncc`).toBeGreaterThan(0);
      expect(external.filter((m) => !builtins.has(m)), file).toEqual([]);
      expect(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8')).not.toContain('webpackMissingModule');
    }
    expect(fs.readFileSync(path.join(REPO_ROOT, 'dist/cli/index.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  describe.skipIf(!built)('packed, installed from the tarball offline, run with npx', NEEDS_DIST, () => {
    let tarball = '';
    const project = path.join(scratch, 'empty-project');

    it('npm pack ships dist, action.yml, the starters, README, LICENSE and CHANGELOG, and no sources or tests', () => {
      const packed = npm(['pack', '--json', '--pack-destination', scratch], REPO_ROOT);
      expect(packed.status, packed.stderr).toBe(0);
      const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
      tarball = path.join(scratch, info.filename);
      expect(fs.existsSync(tarball)).toBe(true);
      const files = info.files.map((f) => f.path);
      expect(files).toEqual(expect.arrayContaining(['package.json', 'dist/cli/index.js', 'dist/index.js', 'dist/licenses.txt', 'action.yml', 'README.md', 'LICENSE', 'CHANGELOG.md']));
      expect(files.some((f) => f.startsWith('workflows-templates/'))).toBe(true);
      expect(files.filter((f) => /^(src|test|scripts|node_modules|examples)\//.test(f))).toEqual([]);
    }, 120_000);

    it('installs into an empty folder with no registry and an empty cache', () => {
      expect(tarball, 'the pack step ran').not.toBe('');
      fs.mkdirSync(project);
      fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "empty-project", "private": true }\n');
      const install = npm(['install', '--offline', '--no-audit', '--no-fund', tarball], project);
      expect(install.status, install.stderr).toBe(0);
      expect(fs.readdirSync(path.join(project, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['dab-ready']);
    }, 240_000);

    it('npx dab-ready prints its version and checks the example: the gate fails on its two blockers', () => {
      const version = npm(['exec', '--offline', '--', 'dab-ready', '--version'], project);
      expect(version.status, version.stderr).toBe(0);
      expect(version.stdout.trim()).toBe(pkg.version);

      const example = path.join(scratch, 'entity-matching');
      fs.cpSync(path.join(REPO_ROOT, 'examples', 'entity-matching'), example, { recursive: true });
      const check = spawnSync('npx', ['--offline', 'dab-ready', 'check', example, '--format', 'json'], {
        cwd: project,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: path.join(scratch, 'home'), npm_config_cache: path.join(scratch, 'npm-cache') },
        timeout: 120_000,
      });
      expect(check.status, check.stderr).toBe(1);
      const result = JSON.parse(check.stdout);
      expect(result.bundles[0].score).toBe(65);
      expect(result.bundles[0].counts.critical).toBe(2);
    }, 180_000);

    it('npx --package=<tarball> runs it without installing it first', () => {
      const elsewhere = path.join(scratch, 'elsewhere');
      fs.mkdirSync(elsewhere);
      const run = npm(['exec', '--yes', '--offline', `--package=${tarball}`, '--', 'dab-ready', '--version'], elsewhere);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout.trim()).toBe(pkg.version);
    }, 120_000);
  });
});
