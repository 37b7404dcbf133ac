import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { CHANGES_DIRECTORY, canChangeDirectory } from './support/working-directory.js';

const repo = path.resolve(__dirname, '..');
const example = path.join(repo, 'examples', 'entity-matching');
const fixed = path.join(repo, 'examples', 'entity-matching-fixed');

async function cli(args: string[], env: NodeJS.ProcessEnv = { PATH: process.env.PATH }) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env, isTty: false });
  return { code, stdout, stderr };
}

describe('dab-ready check', () => {
  it('fails the gate on the seed project (2 blockers) and passes it on the fixed one', async () => {
    expect((await cli(['check', example])).code).toBe(1);
    expect((await cli(['check', fixed])).code).toBe(0);
  });

  it('prints JSON alone on stdout, progress on stderr', async () => {
    const r = await cli(['check', example, '--format', 'json']);
    const result = JSON.parse(r.stdout);
    expect(result.bundles[0].score).toBe(65);
    expect(result.bundles[0].counts.critical).toBe(2);
  });

  it('--fail-on none always passes; --fail-on high fails the fixed project (its open high gaps)', async () => {
    expect((await cli(['check', example, '--fail-on', 'none'])).code).toBe(0);
    expect((await cli(['check', fixed, '--fail-on', 'high'])).code).toBe(1);
  });

  it('--min-score fails a bundle scoring below it', async () => {
    expect((await cli(['check', fixed, '--min-score', '90'])).code).toBe(1);
    expect((await cli(['check', fixed, '--min-score', '85'])).code).toBe(0);
  });

  it('writes the report to --output and keeps stdout empty', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dab-ready-cli-'));
    try {
      const out = path.join(dir, 'report.sarif');
      const r = await cli(['check', example, '--format', 'sarif', '--output', out, '--fail-on', 'none']);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the same JSON twice (byte-identical apart from nothing)', async () => {
    const a = await cli(['check', example, '--format', 'json']);
    const b = await cli(['check', example, '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
  });

  it('renders markdown and text without ANSI colors when not a TTY', async () => {
    const md = await cli(['check', example, '--format', 'markdown']);
    expect(md.stdout).toMatch(/65%/);
    const text = await cli(['check', example]);
    expect(text.stdout).not.toMatch(/\u001b\[/);
    expect(text.stdout).toMatch(/entry-point-missing/);
  });

  it.each([
    [['check', '/nonexistent/dir/xyz'], /no bundle found|does not exist|not found/],
    [['check', example, '--format', 'yaml'], /--format must be one of/],
    [['check', example, '--fail-on', 'severe'], /--fail-on must be one of/],
    [['check', example, '--min-score', 'abc'], /--min-score takes a number/],
    [['check', example, '--target', 'nope'], /nope: no such target\. Available targets: dev, prod/],
    [['check', example, '--bogus'], /unknown option --bogus \(see dab-ready check --help\)/],
    [['check', example, '--var', 'novalue'], /--var expects name=value/],
    [['explain', 'no-such-check'], /unknown check no-such-check/],
    [['frobnicate'], /unknown command frobnicate/],
  ])('exits 2 with a one-line reason for %j', async (args, message) => {
    const r = await cli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--target narrows the analysis to one target', async () => {
    const r = await cli(['check', example, '--target', 'prod', '--format', 'json']);
    expect(JSON.parse(r.stdout).bundles[0].targets).toEqual(['prod']);
  });
});

describe('dab-ready explain and checks', () => {
  it('explains a check from its metadata', async () => {
    const r = await cli(['explain', 'entry-point-missing']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^entry-point-missing — /);
    expect(r.stdout).toMatch(/dab-ready-ignore: entry-point-missing/);
    expect(r.stdout).toContain('Rule page: https://github.com/dab-ready/dab-ready/blob/main/docs/checks/entry-point-missing.md');
    expect(r.stdout).not.toMatch(/databricks-bundles\.md|pitfall/);
  });

  it('lists every check id once', async () => {
    const r = await cli(['checks']);
    const ids = r.stdout.trim().split('\n').map((l) => l.split(/\s+/)[0]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['entry-point-missing', 'wheel-not-built', 'path-not-found', 'config-invalid']));
  });
});

describe('bad input never crashes the CLI', () => {
  it('reports a malformed databricks.yml as a finding at its line and goes on', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dab-ready-bad-'));
    try {
      writeFileSync(path.join(dir, 'databricks.yml'), 'bundle:\n  name: bad\nresources:\n  jobs: [unclosed\n');
      const r = await cli(['check', dir, '--format', 'json']);
      expect(r.code).toBe(1);
      const finding = JSON.parse(r.stdout).bundles[0].findings.find((f: { check: string }) => f.check === 'config-invalid');
      expect(finding.file).toBe('databricks.yml');
      expect(finding.line).toBeGreaterThanOrEqual(4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('--config', () => {
  it.skipIf(!canChangeDirectory)('is read relative to the current folder, like any file named on a command line', CHANGES_DIRECTORY, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dab-ready-config-'));
    const cwd = process.cwd();
    try {
      writeFileSync(path.join(dir, 'cfg.yml'), 'ignore:\n  - check: cli-init-missing\n    reason: the platform team configures the CLI\n');
      process.chdir(dir);
      const r = await cli(['check', example, '--config', 'cfg.yml', '--format', 'json', '--fail-on', 'none']);
      const bundle = JSON.parse(r.stdout).bundles[0];
      expect(bundle.findings.map((f: { check: string }) => f.check)).not.toContain('cli-init-missing');
      expect(bundle.suppressed).toBe(1);
    } finally {
      process.chdir(cwd);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('that does not exist is a usage error, not a silent default', async () => {
    const r = await cli(['check', example, '--config', '/nonexistent/dab-ready.yml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('dab-ready: --config /nonexistent/dab-ready.yml: no such file\n');
  });
});
