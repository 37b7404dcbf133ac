// The CLI behaves like the tools people know (ruff, the databricks CLI): help and version on every
// subcommand, did-you-mean, quiet EPIPE, walking up to the bundle, paths relative to the current
// folder, colour by destination, --quiet, --select/--ignore, github and junit formats, baselines,
// progress in CI logs. Real files, real processes where a process is what is tested.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { quietOnEpipe, stderrLogger, useColor } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { TOOL_VERSION } from '../src/version.js';

const repo = path.resolve(__dirname, '..');
const example = path.join(repo, 'examples', 'entity-matching');
const fixed = path.join(repo, 'examples', 'entity-matching-fixed');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dab-ready-cli-b-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));
const ANSI = /\u001b\[/;

async function cli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; isTty?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env: options.env ?? { PATH: process.env.PATH },
    isTty: options.isTty ?? false,
    cwd: options.cwd,
  });
  return { code, stdout, stderr };
}

function copyExample(name: string, from = example): string {
  const dir = path.join(scratch, name);
  fs.cpSync(from, dir, { recursive: true, filter: (src) => !/(^|\/)(build|dist|[^/]+\.egg-info|__pycache__)$/.test(src) });
  return dir;
}

describe('help and version', () => {
  it.each(['check', 'plan', 'deploy', 'explain', 'checks', 'pre-commit'])('%s --help exits 0 with its usage on stdout, -V prints the version', async (command) => {
    const help = await cli([command, '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(new RegExp(`^Usage: dab-ready ${command}`));
    expect((await cli(['help', command])).stdout).toBe(help.stdout);
    for (const flag of ['-V', '--version']) expect(await cli([command, flag])).toEqual({ code: 0, stdout: `${TOOL_VERSION}\n`, stderr: '' });
  });

  it('dab-ready -V, --version and --help exit 0; no command is a usage error (2)', async () => {
    expect((await cli(['-V'])).stdout).toBe(`${TOOL_VERSION}\n`);
    expect((await cli(['--help'])).code).toBe(0);
    const none = await cli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage:');
  });
});

describe('did you mean', () => {
  it.each([
    [['check', example, '--formt', 'json'], 'unknown option --formt; did you mean --format?'],
    [['check', example, '--qiet'], 'unknown option --qiet; did you mean --quiet?'],
    [['explain', 'entry-point-mising'], 'unknown check entry-point-mising; did you mean entry-point-missing?'],
    [['chek'], 'unknown command chek; did you mean check or checks?'],
    [['check', example, '--select', 'wheel-not-bilt'], '--select wheel-not-bilt: no such check or category; did you mean wheel-not-built?'],
    [['check', example, '--ignore', 'entry-point'], '--ignore entry-point: no such check or category; did you mean entry-points?'],
    [['check', example, '--format', 'jsno'], '--format must be one of text, markdown, json, sarif, github, junit; did you mean json?'],
    [['check', example, '--color', 'allways'], '--color must be one of auto, always, never; did you mean always?'],
  ])('%j is a usage error (exit 2) that suggests the nearest', async (args, message) => {
    const r = await cli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });
});

describe('EPIPE', () => {
  it('dab-ready check --format sarif | head: the CLI process ends quietly, without a stack trace, when its reader goes away', async () => {
    // 130 kB of SARIF: more than a pipe holds, so the writer meets the closed pipe (EPIPE)
    const args = ['check', example, '--format', 'sarif', '--fail-on', 'none'];
    const child = spawn(process.execPath, [path.join(repo, 'test/support/run-cli.mjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    // close our end of the pipe before the report comes, as `head` does once it has its lines
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at |Unhandled/);
    expect(code).toBe(0);
  }, 30_000);

  it('another stream error is not swallowed', () => {
    const stream = new (require('node:stream').PassThrough)();
    quietOnEpipe(stream, () => {
      throw new Error('must not exit');
    });
    expect(() => stream.emit('error', Object.assign(new Error('disk full'), { code: 'ENOSPC' }))).toThrow('disk full');
  });
});

describe('where check looks and how it prints paths', () => {
  it('walks up from a folder inside the bundle to its root, and prints paths relative to the current folder', async () => {
    const r = await cli(['check', '--fail-on', 'none'], { cwd: path.join(example, 'resources') });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('dab-ready: no bundle below .; using the bundle in ..');
    expect(r.stdout).toMatch(/^jobs_phase2_training\.yml:24:11 {2}critical {2}wheel-not-built/m);
    expect(r.stdout).toMatch(/^\.\.\/databricks\.yml:4:9 {2}low {2}cli-init-missing/m);
  });

  it('from above the bundle, paths carry the folders in between (clickable from the shell)', async () => {
    const r = await cli(['check', 'examples/entity-matching', '--fail-on', 'none'], { cwd: repo });
    expect(r.stdout).toMatch(/^examples\/entity-matching\/resources\/jobs_phase2_training\.yml:24:11 /m);
    expect(r.stdout).toContain('rule: https://github.com/dab-ready/dab-ready/blob/main/docs/checks/wheel-not-built.md');
  });

  it('SARIF URIs are relative to the repository root, JSON paths to the analysed folder', async () => {
    const sarif = JSON.parse((await cli(['check', 'entity-matching', '--format', 'sarif'], { cwd: path.join(repo, 'examples') })).stdout);
    const uris = sarif.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris).toContain('examples/entity-matching/resources/jobs_phase2_training.yml');
    const json = JSON.parse((await cli(['check', 'entity-matching', '--format', 'json'], { cwd: path.join(repo, 'examples') })).stdout);
    expect(json.bundles[0].findings.map((f: { file: string }) => f.file)).toContain('resources/jobs_phase2_training.yml');
  });

  it('a folder with no bundle below or above is a usage error', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'dab-ready-empty-'));
    try {
      const r = await cli(['check'], { cwd: empty });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^dab-ready: no bundle found below /);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('colour by destination', () => {
  const run = (args: string[], env: NodeJS.ProcessEnv, isTty: boolean) => cli(['check', fixed, ...args], { env: { PATH: process.env.PATH, ...env }, isTty });

  it('auto: a terminal gets colour, a pipe does not; NO_COLOR turns it off, FORCE_COLOR on', async () => {
    expect((await run([], {}, true)).stdout).toMatch(ANSI);
    expect((await run([], {}, false)).stdout).not.toMatch(ANSI);
    expect((await run([], { NO_COLOR: '1' }, true)).stdout).not.toMatch(ANSI);
    expect((await run([], { FORCE_COLOR: '1' }, false)).stdout).toMatch(ANSI);
    expect((await run([], { FORCE_COLOR: '0' }, true)).stdout).not.toMatch(ANSI);
  });

  it('--color always/never win over the environment; --no-color is never', async () => {
    expect((await run(['--color', 'always'], { NO_COLOR: '1' }, false)).stdout).toMatch(ANSI);
    expect((await run(['--color=never'], { FORCE_COLOR: '1' }, true)).stdout).not.toMatch(ANSI);
    expect((await run(['--no-color'], {}, true)).stdout).not.toMatch(ANSI);
  });

  it('a report written with -o is never coloured, even with --color always on a terminal', async () => {
    const out = path.join(scratch, 'report.txt');
    const r = await run(['-o', out, '--color', 'always'], { FORCE_COLOR: '1' }, true);
    expect(r.stdout).toBe('');
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toContain('vector-search-endpoint-missing');
    expect(text).not.toMatch(ANSI);
    expect(useColor('always', { env: {}, isTty: true }, true)).toBe(false);
  });
});

describe('--quiet, the summary line, --select and --ignore', () => {
  it('--quiet prints only the findings that fail the gate, then one summary line', async () => {
    const r = await cli(['check', example, '--quiet']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/ {2}critical {2}wheel-not-built {2}/);
    expect(lines[1]).toMatch(/ {2}critical {2}entry-point-missing {2}/);
    expect(lines[2]).toBe('dab-ready: 1 bundle · 7 findings (2 critical, 2 high, 1 medium, 2 low) · score 65 · gate failed: 2 at or above critical');
    expect(r.stderr).toBe('');
    const passing = await cli(['check', fixed, '-q']);
    expect(passing.stdout).toBe('dab-ready: 1 bundle · 5 findings (2 high, 1 medium, 2 low) · score 85 · gate passed (fail-on critical)\n');
  });

  it('ends the text report with a summary line across bundles; other formats put it on stderr', async () => {
    const mono = path.join(scratch, 'mono');
    copyExample('mono/a');
    copyExample('mono/b', fixed);
    const text = await cli(['check', mono, '--fail-on', 'none']);
    expect(text.stdout.trim().split('\n').at(-1)).toBe('dab-ready: 2 bundles · 12 findings (2 critical, 4 high, 2 medium, 4 low) · lowest score 65 · gate passed (fail-on none)');
    const json = await cli(['check', mono, '--format', 'json', '--fail-on', 'none']);
    expect(JSON.parse(json.stdout).bundles).toHaveLength(2);
    expect(json.stderr.trim().split('\n').at(-1)).toMatch(/^dab-ready: 2 bundles · 12 findings/);
  });

  it('--select and --ignore take ids and categories; the score counts what is selected', async () => {
    const ids = async (args: string[]) => {
      const r = await cli(['check', example, '--format', 'json', '--fail-on', 'none', ...args]);
      return JSON.parse(r.stdout).bundles[0].findings.map((f: { check: string }) => f.check).sort();
    };
    expect(await ids(['--select', 'entry-points'])).toEqual(['entry-point-missing']);
    expect(await ids(['--select', 'Vector Search Endpoints,wheel-not-built'])).toEqual(['vector-search-endpoint-missing', 'wheel-not-built']);
    expect(await ids(['--ignore', 'cli-init-missing', '--ignore', 'dlt-pipeline'])).toEqual([
      'entry-point-missing',
      'library-deps-inconsistent',
      'local-vector-search',
      'vector-search-endpoint-missing',
      'wheel-not-built',
    ]);
    const r = await cli(['check', example, '--select', 'developer-setup']);
    expect(r.code).toBe(0); // the blockers are not selected
    expect(r.stdout).toContain('score 99');
  });
});

describe('--format github and --format junit', () => {
  it('github: workflow commands whose level follows the gate, paths from the repository root', async () => {
    const r = await cli(['check', 'examples/entity-matching', '--format', 'github', '--fail-on', 'high'], { cwd: repo });
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(
      /^::error file=examples\/entity-matching\/resources\/jobs_phase2_training\.yml,line=24,col=11,title=Wheel tasks get a wheel that deploy builds and attaches \(dab-ready wheel-not-built%2C critical\)::no wheel of entity_matching/,
    );
    expect(lines.filter((l) => l.startsWith('::error'))).toHaveLength(4); // 2 critical + 2 high
    expect(lines.filter((l) => l.startsWith('::warning'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('::notice'))).toHaveLength(2);
    expect(lines.every((l) => !l.slice(2).includes('\n'))).toBe(true);
    expect(r.stdout).toContain('%0AFix: ');
  });

  it('junit: well-formed XML (parsed by Python), a failure per finding that fails the gate', async () => {
    const r = await cli(['check', example, '--format', 'junit']);
    const parsed = execFileSync(
      '/usr/bin/python3',
      ['-c', 'import sys,xml.etree.ElementTree as E; r=E.parse(sys.stdin).getroot(); print(r.get("tests"), r.get("failures"), len(r.findall(".//failure")), len(r.findall(".//testcase")))'],
      { input: r.stdout, encoding: 'utf8' },
    );
    const [tests, failures, failureElements, cases] = parsed.trim().split(' ').map(Number);
    expect(failures).toBe(2);
    expect(failureElements).toBe(2);
    expect(cases).toBe(tests);
    expect(tests).toBeGreaterThan(7); // findings plus passed checks
    expect(r.stdout).toContain('<failure type="critical" message="no wheel of entity_matching');
  });
});

describe('checks --format json', () => {
  it('lists every check with its metadata and rule page', async () => {
    const r = await cli(['checks', '--format', 'json']);
    const checks = JSON.parse(r.stdout) as { id: string; rulePage: string; docs: string }[];
    const wheel = checks.find((c) => c.id === 'wheel-not-built')!;
    expect(wheel).toMatchObject({ severity: 'critical', category: 'Python Package Build', breaksDeploy: true, rulePage: 'https://github.com/dab-ready/dab-ready/blob/main/docs/checks/wheel-not-built.md' });
    expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
  });
});

describe('baseline', () => {
  it('a finding in the baseline is existing and does not fail the gate, even after its lines moved', async () => {
    const dir = copyExample('baseline');
    const file = path.join(scratch, 'baseline.json');
    const write = await cli(['check', dir, '--write-baseline', file, '--fail-on', 'none', '-q']);
    expect(write.stderr).toContain(`baseline of 7 findings written to ${file}`);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ tool: 'dab-ready', format: 1, findings: expect.any(Array) });
    // shift every line of the files at fault by two (a notebook keeps its header line first)
    for (const f of ['resources/jobs_phase2_training.yml', 'notebooks/pipeline/03_vector_search_ditto.py', 'src/models/vector_search.py']) {
      const p = path.join(dir, f);
      const lines = fs.readFileSync(p, 'utf8').split('\n');
      const at = lines[0].startsWith('# Databricks notebook source') ? 1 : 0;
      lines.splice(at, 0, '# moved', '# moved');
      fs.writeFileSync(p, lines.join('\n'));
    }
    const moved = await cli(['check', dir, '--baseline', file, '--format', 'json']);
    expect(moved.code).toBe(0);
    const findings = JSON.parse(moved.stdout).bundles[0].findings as { check: string; line: number; existing?: boolean; fingerprint: string }[];
    expect(findings.find((f) => f.check === 'wheel-not-built')).toMatchObject({ line: 26, existing: true });
    expect(findings.every((f) => f.existing)).toBe(true);
    // a new blocker is not in the baseline: the gate fails on it alone
    fs.appendFileSync(path.join(dir, 'databricks.yml'), '\nvariables:\n  needed:\n    description: no default\n');
    const added = await cli(['check', dir, '--baseline', file, '--quiet']);
    expect(added.code).toBe(1);
    expect(added.stdout).toMatch(/variable-required-unset/);
    expect(added.stdout).not.toMatch(/wheel-not-built/);
  });

  it.each([
    ['not JSON', '{ "tool": "dab-ready",\n  oops', /--baseline .*bad\.json:2: not a JSON baseline/],
    ['another tool', JSON.stringify({ version: 1, results: [] }), /--baseline .*bad\.json: not a dab-ready baseline/],
    ['another format', JSON.stringify({ tool: 'dab-ready', toolVersion: '9.0.0', format: 7, fingerprintVersion: 3, findings: [] }), /baseline format 7 from dab-ready 9\.0\.0; this dab-ready .* reads format 1/],
  ])('a baseline file that is %s: one warning line, every finding counts, the run goes on', async (_what, content, message) => {
    const file = path.join(scratch, 'bad.json');
    fs.writeFileSync(file, content);
    const r = await cli(['check', example, '--baseline', file, '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('every finding counts as new');
    expect(r.stdout).toMatch(/wheel-not-built/);
  });

  it('a baseline from another version of dab-ready with the same format is used, and says so', async () => {
    const file = path.join(scratch, 'old.json');
    await cli(['check', example, '--write-baseline', file, '-q']);
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, JSON.stringify({ ...data, toolVersion: '0.0.9' }));
    const r = await cli(['check', example, '--baseline', file, '-q']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${file} was written by dab-ready 0.0.9 (same format: used)`);
  });
});

describe('progress', () => {
  it('in a CI log (not a terminal): a heartbeat line with the elapsed time while a long step runs', async () => {
    let err = '';
    const log = stderrLogger({ stdout: () => {}, stderr: (s) => (err += s), env: {} }, { verbose: false, tty: false, heartbeatMs: 40 });
    await log.group('dab-ready: build wheel in .', () => new Promise((resolve) => setTimeout(resolve, 150)));
    const lines = err.trim().split('\n');
    expect(lines[0]).toBe('▸ dab-ready: build wheel in .');
    expect(lines.filter((l) => /^ {2}… still running: dab-ready: build wheel in \. \(\d+ ms\)$/.test(l)).length).toBeGreaterThanOrEqual(2);
    expect(lines.at(-1)).toMatch(/^ {2}done: dab-ready: build wheel in \. \(\d+ ms\)$/);
    expect(err).not.toMatch(/\r|\u001b/);
  });

  it('on a terminal: the elapsed time redrawn in place on one line', async () => {
    let err = '';
    const log = stderrLogger({ stdout: () => {}, stderr: (s) => (err += s), env: {} }, { verbose: false, tty: true, redrawMs: 30 });
    await log.group('validate', () => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(err).toMatch(/^▸ validate\r\u001b\[2K▸ validate … \d+ ms/);
    expect(err.endsWith(' ms)\n')).toBe(true);
    expect(err.split('\n')).toHaveLength(2);
  });

  it('a short step prints no heartbeat', async () => {
    let err = '';
    const log = stderrLogger({ stdout: () => {}, stderr: (s) => (err += s), env: {} }, { verbose: false, tty: false });
    await log.group('quick', async () => 1);
    expect(err).toBe('▸ quick\n');
  });
});

describe('pre-commit', () => {
  it('checks only the bundles holding the given files, statically, and fails on a blocker', async () => {
    const root = path.join(scratch, 'hook');
    copyExample('hook/broken');
    copyExample('hook/ok', fixed);
    const ok = await cli(['pre-commit', 'ok/resources/jobs_phase2_training.yml', 'ok/pyproject.toml', 'README.md'], { cwd: root });
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim().split('\n')).toEqual(['dab-ready: 1 bundle · 5 findings (2 high, 1 medium, 2 low) · score 85 · gate passed (fail-on critical)']);
    const both = await cli(['pre-commit', 'ok/databricks.yml', 'broken/resources/jobs_phase2_training.yml'], { cwd: root });
    expect(both.code).toBe(1);
    expect(both.stdout).toMatch(/^broken\/resources\/jobs_phase2_training\.yml:24:11 {2}critical {2}wheel-not-built/m);
    expect(both.stdout.match(/^dab-ready: 1 bundle/gm)).toHaveLength(2);
  });
});
