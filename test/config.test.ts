import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

const dirs: string[] = [];
function repo(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dab-ready-config-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('loadConfig', () => {
  it('returns defaults and no notice when there is no config file', () => {
    expect(loadConfig(repo({}))).toEqual({ config: { ignore: [], severity: {} }, notices: [] });
  });

  it('reads phases, ignore rules, severity overrides and the gate settings', () => {
    const dir = repo({
      '.dab-ready.yml': [
        'phases:',
        '  - name: Setup',
        '    id: "0"',
        '    include: ["resources/jobs_phase0_*.yml"]',
        '  - name: Training',
        '    include:',
        '      - jobs.train_ditto',
        '    depends_on: ["0"]',
        'ignore:',
        '  - check: dlt-pipeline-disabled',
        '    reason: jobs are enough for now',
        '  - check: library-deps-inconsistent',
        '    path: notebooks/**',
        'severity:',
        '  cli-init-missing: off',
        '  local-vector-search: medium',
        'fail-on: high',
        'min-score: 80',
      ].join('\n'),
    });
    const { config, notices } = loadConfig(dir);
    expect(notices).toEqual([]);
    expect(config).toEqual({
      file: '.dab-ready.yml',
      phases: [
        { name: 'Setup', id: '0', include: ['resources/jobs_phase0_*.yml'] },
        { name: 'Training', include: ['jobs.train_ditto'], dependsOn: ['0'] },
      ],
      ignore: [
        { check: 'dlt-pipeline-disabled', reason: 'jobs are enough for now' },
        { check: 'library-deps-inconsistent', path: 'notebooks/**' },
      ],
      severity: { 'cli-init-missing': 'off', 'local-vector-search': 'medium' },
      failOn: 'high',
      minScore: 80,
    });
  });

  it('finds .dab-ready.yaml and an explicit file relative to the repository', () => {
    expect(loadConfig(repo({ '.dab-ready.yaml': 'fail-on: none\n' })).config.failOn).toBe('none');
    const dir = repo({ 'ci/dab.yml': 'min-score: 70\n' });
    const { config, notices } = loadConfig(dir, 'ci/dab.yml');
    expect(notices).toEqual([]);
    expect(config).toMatchObject({ file: 'ci/dab.yml', minScore: 70 });
  });

  it('reports a missing explicit file as a notice, not a throw', () => {
    const { config, notices } = loadConfig(repo({}), 'nope.yml');
    expect(config).toEqual({ ignore: [], severity: {} });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ check: 'config-invalid', loc: { file: 'nope.yml', line: 1 } });
  });

  it('turns a YAML syntax error into config-invalid at its line, with defaults', () => {
    const { config, notices } = loadConfig(repo({ '.dab-ready.yml': 'fail-on: high\nignore:\n  - check: [unclosed\n' }));
    expect(notices.length).toBeGreaterThan(0);
    expect(notices[0].check).toBe('config-invalid');
    expect(notices[0].loc!.file).toBe('.dab-ready.yml');
    expect(notices[0].loc!.line).toBeGreaterThanOrEqual(3);
    expect(config.ignore).toEqual([]);
  });

  it('reports wrong types and unknown severities at their line and keeps the good parts', () => {
    const { config, notices } = loadConfig(
      repo({
        '.dab-ready.yml': [
          'phases: everything', //           1
          'ignore:', //                      2
          '  - check: cli-init-missing', //  3
          '  - path: only-a-path', //        4
          'severity:', //                    5
          '  cli-init-missing: blocker', //  6
          '  unknown-field: low', //         7
          'fail-on: sometimes', //           8
          'min-score: lots', //              9
          'colour: blue', //                 10
        ].join('\n'),
      }),
    );
    expect(notices.map((n) => [n.check, n.loc!.line])).toEqual([
      ['config-invalid', 1],
      ['config-invalid', 4],
      ['config-invalid', 6],
      ['config-invalid', 8],
      ['config-invalid', 9],
      ['config-invalid', 10],
    ]);
    expect(notices[2].message).toContain("'blocker' is not one of critical, high, medium, low, info, off");
    expect(config).toEqual({ file: '.dab-ready.yml', ignore: [{ check: 'cli-init-missing' }], severity: { 'unknown-field': 'low' } });
  });

  it('names a check id that no check reports, with a suggestion when one is close', () => {
    const { config, notices } = loadConfig(
      repo({ '.dab-ready.yml': 'ignore:\n  - check: bogus-check\n    reason: x\nseverity:\n  entry-point-mising: off\n  wheel-build-failed: low\n' }),
    );
    expect(notices.map((n) => [n.loc!.line, n.message])).toEqual([
      [2, ".dab-ready.yml: unknown check 'bogus-check'; dab-ready checks lists the ids"],
      [5, ".dab-ready.yml: unknown check 'entry-point-mising'; did you mean 'entry-point-missing'?"],
    ]);
    expect(config.severity['wheel-build-failed']).toBe('low');
  });

  it('rejects a config that is not a mapping', () => {
    const { config, notices } = loadConfig(repo({ '.dab-ready.yml': '- just\n- a list\n' }));
    expect(notices.map((n) => n.check)).toEqual(['config-invalid']);
    expect(config.ignore).toEqual([]);
  });
});

describe('check ids in the config', () => {
  it('flags a check id one typo away from a real check, at its line', () => {
    const { config, notices } = loadConfig(repo({ '.dab-ready.yml': 'severity:\n  entry-point-mising: off\nignore:\n  - check: wheel-not-buildt\n  - check: bundle-validate-warning\n' }));
    expect(notices.map((n) => [n.severity, n.loc!.line, n.message])).toEqual([
      ['medium', 2, ".dab-ready.yml: unknown check 'entry-point-mising'; did you mean 'entry-point-missing'?"],
      ['medium', 4, ".dab-ready.yml: unknown check 'wheel-not-buildt'; did you mean 'wheel-not-built'?"],
    ]);
    // still applied as written: the notice explains why it does nothing
    expect(config.severity).toEqual({ 'entry-point-mising': 'off' });
    expect(config.ignore.map((r) => r.check)).toEqual(['wheel-not-buildt', 'bundle-validate-warning']);
  });
});
