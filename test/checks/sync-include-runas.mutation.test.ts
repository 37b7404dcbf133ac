// Findings of sync-pattern-unmatched, include-glob-nonrecursive and run-as-invalid pinned whole
// (message, line, evidence, severity, impact, fix), each next to the cases it must not report.
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;
const at = (line: number, column: number) => ({ file: 'databricks.yml', line, column });

describe('sync-pattern-unmatched', () => {
  const unmatched = (pattern: string, i: number, line: number, extra: Record<string, unknown> = {}, tail = '') => ({
    check: 'sync-pattern-unmatched',
    ...extra,
    message: `Pattern ${pattern} does not match any files (sync.include[${i}])${tail}`,
    loc: at(line, 7),
    evidence: `- "${pattern}"`,
    impact: 'Nothing is uploaded for this pattern: files meant to be synced are missing at run time.',
    fix: { text: 'Correct the pattern (gitignore syntax, relative to the file that writes it) or remove it.' },
  });

  it('reports include patterns that match no file (a negated one too); not ../ patterns, matching ones or excludes', () => {
    const repo = loadRepo({
      'databricks.yml': yaml('bundle:', '  name: s', 'sync:', '  include:', '    - "*.txt"', '    - "!nothing/*.md"', '    - "../outside/*"', '    - "src/*.py"', '  exclude:', '    - "*.tmp"'),
      'src/a.py': '',
    });
    expect(repo.run('sync-pattern-unmatched')).toEqual([unmatched('*.txt', 0, 5), unmatched('!nothing/*.md', 1, 6)]);
  });

  it('with an artifact build: low, "yet", the build may create the files', () => {
    const repo = loadRepo({
      'databricks.yml': yaml('bundle:', '  name: s', 'artifacts:', '  w:', '    type: whl', '    build: python -m build', 'sync:', '  include:', '    - "dist/*.whl"'),
      'setup.py': 'from setuptools import setup\nsetup()\n',
    });
    expect(repo.run('sync-pattern-unmatched')).toEqual([unmatched('dist/*.whl', 0, 9, { severity: 'low' }, ' yet; an artifact build may create them before the sync')]);
  });

  it('nothing left to sync: names sync.exclude at its first entry when there is one, only .gitignore otherwise', () => {
    const excluded = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: s', 'sync:', '  paths:', '    - ./src', '  exclude:', '    - "**"'), 'src/a.py': '' });
    const nothing = {
      impact: 'The deploy uploads no files: every notebook and file task fails at run time.',
      fix: { text: 'Check .gitignore, sync.paths and sync.exclude: they exclude everything.' },
    };
    expect(excluded.run('sync-pattern-unmatched')).toEqual([
      { check: 'sync-pattern-unmatched', message: 'There are no files to sync, please check your .gitignore and sync.exclude configuration', loc: at(7, 7), evidence: '- "**"', ...nothing },
    ]);
    const ignored = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: s', 'sync:', '  paths:', '    - ./empty'), 'empty/.gitkeep': '', '.gitignore': 'empty/\n' });
    expect(ignored.run('sync-pattern-unmatched')).toEqual([{ check: 'sync-pattern-unmatched', message: 'There are no files to sync, please check your .gitignore', ...nothing }]);
    expect(loadRepo({ 'databricks.yml': yaml('bundle:', '  name: s', 'sync:', '  paths:', '    - ./src'), 'src/a.py': '' }).run('sync-pattern-unmatched')).toEqual([]);
  });
});

describe('include-glob-nonrecursive', () => {
  it('lists the files a ** entry seems to cover but no entry loads, with one glob per level as the fix', () => {
    const repo = loadRepo({
      'databricks.yml': yaml('bundle:', '  name: g', 'include:', '  - resources/**/*.yml', '  - resources/x/*.yml'),
      'resources/top.yml': 'resources: {}\n',
      'resources/a/one.yml': 'resources: {}\n',
      'resources/x/y/deep.yml': 'resources: {}\n',
      'resources/x/two.yml': 'resources: {}\n',
    });
    expect(repo.run('include-glob-nonrecursive')).toEqual([
      {
        check: 'include-glob-nonrecursive',
        message: 'include entry "resources/**/*.yml" uses **, which matches one directory level only: 2 file(s) it seems to cover are not loaded: resources/top.yml, resources/x/y/deep.yml',
        loc: at(4, 5),
        evidence: '- resources/**/*.yml',
        impact: 'Resources defined in the missed files are silently not deployed.',
        fix: { text: 'Replace "resources/**/*.yml" with one glob per directory level, e.g. "resources/*.yml", "resources/*/*.yml", "resources/*/*/*.yml".' },
      },
    ]);
  });

  it('shows ten missed files and counts the rest; ? in the glob matches one character', () => {
    const files: Record<string, string> = { 'databricks.yml': yaml('bundle:', '  name: g', 'include:', '  - "r/**/*.y?ml"') };
    for (let i = 0; i < 12; i++) files[`r/d${String(i).padStart(2, '0')}/e/f.yaml`] = 'resources: {}\n';
    files['r/d00/e/g.yxml'] = 'resources: {}\n';
    const shown = Array.from({ length: 10 }, (_, i) => `r/d${String(i).padStart(2, '0')}/e/f.yaml`).join(', ');
    expect(loadRepo(files).run('include-glob-nonrecursive')).toEqual([
      {
        check: 'include-glob-nonrecursive',
        message: `include entry "r/**/*.y?ml" uses **, which matches one directory level only: 12 file(s) it seems to cover are not loaded: ${shown}, and 2 more`,
        loc: at(4, 5),
        evidence: '- "r/**/*.y?ml"',
        impact: 'Resources defined in the missed files are silently not deployed.',
        fix: { text: 'Replace "r/**/*.y?ml" with one glob per directory level, e.g. "r/*.y?ml", "r/*/*.y?ml", "r/*/*/*.y?ml".' },
      },
    ]);
  });

  it('nothing missed today: low, a warning about deeper files; a trailing ** gets one glob per level too', () => {
    const repo = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: g', 'include:', '  - conf/**'), 'conf/a.yml': 'resources: {}\n' });
    expect(repo.run('include-glob-nonrecursive')).toEqual([
      {
        check: 'include-glob-nonrecursive',
        message: 'include entry "conf/**" uses **, which matches one directory level only (no file is missed today, but deeper files added later will be)',
        severity: 'low',
        loc: at(4, 5),
        evidence: '- conf/**',
        impact: 'Deeper files added later will be silently ignored.',
        fix: { text: 'Replace "conf/**" with one glob per directory level, e.g. "conf/*.yml", "conf/*/*.yml", "conf/*/*/*.yml".' },
      },
    ]);
  });

  it('no finding for entries without **', () => {
    expect(loadRepo({ 'databricks.yml': yaml('bundle:', '  name: g', 'include:', '  - conf/*/*.yml'), 'conf/x/a.yml': 'resources: {}\n' }).run('include-glob-nonrecursive')).toEqual([]);
  });
});

describe('run-as-invalid', () => {
  const FAILS = '`bundle validate` and `bundle deploy` fail for target default.';

  it('legacy run_as: one medium finding at the flag, nothing else', () => {
    const repo = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: r', 'run_as:', '  user_name: a@b.c', 'experimental:', '  use_legacy_run_as: true') });
    expect(repo.run('run-as-invalid')).toEqual([
      {
        check: 'run-as-invalid',
        message:
          'You are using the legacy mode of run_as. The support for this mode is experimental and might be removed in a future release of the CLI. In order to run the pipelines in your DABs project as the run_as user this mode changes the owners of the pipelines to the run_as identity, which requires the user deploying the bundle to be a workspace admin, and also a Metastore admin if the pipeline target is in UC.',
        loc: at(6, 22),
        evidence: 'use_legacy_run_as: true\n',
        impact: 'Deploying needs workspace (and metastore) admin rights; the mode may be removed.',
        severity: 'medium',
        fix: { text: 'Remove experimental.use_legacy_run_as and give the run_as identity access to the pipelines instead.' },
      },
    ]);
  });

  it('run_as without an identity; an empty run_as: is none', () => {
    expect(loadRepo({ 'databricks.yml': yaml('bundle:', '  name: r', 'run_as:', '  foo: 1') }).run('run-as-invalid')).toEqual([
      {
        check: 'run-as-invalid',
        message: 'run_as section must specify exactly one identity. Neither service_principal_name nor user_name is specified',
        loc: at(4, 3),
        evidence: 'foo: 1\n',
        impact: FAILS,
        fix: { text: 'Set run_as.service_principal_name or run_as.user_name (or remove run_as).' },
      },
    ]);
    expect(loadRepo({ 'databricks.yml': yaml('bundle:', '  name: r', 'run_as:') }).run('run-as-invalid')).toEqual([]);
  });

  it('both identities, then each resource that cannot run as another identity (apps, dashboards embedding credentials, also through ${var...})', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: r', 'run_as:', '  user_name: a@b.c', '  service_principal_name: sp-1', 'resources:',
        '  apps:', '    a:', '      name: a', '      source_code_path: ./app',
        '  quality_monitors: {}',
        '  dashboards:',
        '    d:', '      display_name: d', '      embed_credentials: true',
        '    e:', '      display_name: e', '      embed_credentials: ${var.emb}',
        '    f:', '      display_name: f', '      embed_credentials: false',
        'variables:', '  emb:', '    default: "true"',
      ),
      'app/app.py': '',
    });
    const unsupported = (what: string, line: number, column: number, evidence: string, resources: string[]) => ({
      check: 'run-as-invalid',
      message: `${what} do not support a setting a run_as user that is different from the owner (run_as identity: sp-1)`,
      loc: at(line, column),
      evidence,
      impact: '`bundle validate` and `bundle deploy` fail for target default unless sp-1 itself deploys the bundle.',
      severity: 'medium',
      resources,
      fix: { text: 'Deploy these resources without run_as (another bundle or target), or deploy as sp-1.' },
    });
    expect(repo.run('run-as-invalid')).toEqual([
      {
        check: 'run-as-invalid',
        message: 'run_as section cannot specify both user_name and service_principal_name',
        loc: at(4, 3),
        evidence: '  user_name: a@b.c\n  service_principal_name: sp-1\nresources:',
        impact: FAILS,
        fix: { text: 'Keep one of user_name and service_principal_name.' },
      },
      unsupported('apps', 8, 5, 'a:\n  name: a\n  source_code_path: ./app', ['apps.a']),
      unsupported('dashboards with embed_credentials set to true', 14, 7, '  display_name: d\n  embed_credentials: true\ne:', ['dashboards.d']),
      unsupported('dashboards with embed_credentials set to true', 17, 7, '  display_name: e\n  embed_credentials: ${var.emb}\nf:', ['dashboards.e']),
    ]);
  });

  it('a user identity alone with supported resources: no finding', () => {
    expect(loadRepo({ 'databricks.yml': yaml('bundle:', '  name: r', 'run_as:', '  user_name: a@b.c', 'resources:', '  jobs:', '    j:', '      name: j') }).run('run-as-invalid')).toEqual([]);
  });
});
