import { describe, expect, it } from 'vitest';
import { applySuppressions, parseInlineSuppression, suppressionNotices } from '../../src/readiness/suppress.js';
import type { DabReadyConfig } from '../../src/model.js';
import { bundle, finding } from './helpers.js';

const jobsYaml = [
  'resources:', //                                                  1
  '  jobs:', //                                                     2
  '    train:', //                                                  3
  '      tasks:', //                                                4
  '        # dab-ready-ignore: entry-point-missing built by the release pipeline', // 5
  '        - python_wheel_task: {entry_point: train}', //            6
  '        - python_wheel_task: {entry_point: score}  # dab-ready-ignore: entry-point-missing', // 7
  '        - notebook_task: {notebook_path: ../x.py} # dab-ready-ignore: path-not-found', //      8
  '        - python_wheel_task: {entry_point: other}', //            9
].join('\n');
const notebook = ['# Databricks notebook source', '# dab-ready-ignore: library-deps-inconsistent, local-vector-search - pinned on the cluster', '%pip install faiss-cpu'].join('\n');

const b = bundle({ files: { 'resources/jobs.yml': jobsYaml, 'notebooks/match.py': notebook } });
const config = (over: Partial<DabReadyConfig> = {}): DabReadyConfig => ({ ignore: [], severity: {}, ...over });

describe('inline suppressions', () => {
  it('parses ids and reason', () => {
    expect(parseInlineSuppression('# dab-ready-ignore: a-b,c  because reasons')).toEqual({ checks: ['a-b', 'c'], reason: 'because reasons' });
    expect(parseInlineSuppression('x: 1 # dab-ready-ignore: a')).toEqual({ checks: ['a'] });
    expect(parseInlineSuppression('-- dab-ready-ignore: a — why')).toEqual({ checks: ['a'], reason: 'why' });
    expect(parseInlineSuppression('# nothing to see')).toBeUndefined();
  });

  it('suppresses on the line above (comment line) and on the same line, counting the reasonless one', () => {
    const findings = [
      finding('entry-point-missing', 'critical', { file: 'resources/jobs.yml', line: 6 }),
      finding('entry-point-missing', 'critical', { file: 'resources/jobs.yml', line: 7 }),
      finding('path-not-found', 'high', { file: 'resources/jobs.yml', line: 8 }),
      finding('entry-point-missing', 'critical', { file: 'resources/jobs.yml', line: 9 }),
    ];
    const out = applySuppressions(b, findings, config());
    expect(out.kept.map((f) => f.loc!.line)).toEqual([9]);
    expect(out.suppressed).toBe(3);
    expect(out.withoutReason).toBe(2);
    expect(out.withoutReasonAt.map((w) => [w.check, w.loc?.line, w.via])).toEqual([
      ['entry-point-missing', 7, 'comment'],
      ['path-not-found', 8, 'comment'],
    ]);
  });

  it('does not suppress another check, nor from a trailing comment on the line above', () => {
    const findings = [
      finding('wheel-not-built', 'critical', { file: 'resources/jobs.yml', line: 6 }), // comment above names another check
      finding('path-not-found', 'high', { file: 'resources/jobs.yml', line: 9 }), // line 8's trailing comment is not "above"
    ];
    const out = applySuppressions(b, findings, config());
    expect(out.kept).toHaveLength(2);
    expect(out.suppressed).toBe(0);
  });

  it('reads source files through the file index (notebooks), with several ids in one comment', () => {
    const findings = [
      finding('library-deps-inconsistent', 'medium', { file: 'notebooks/match.py', line: 3 }),
      finding('local-vector-search', 'high', { file: 'notebooks/match.py', line: 3 }),
      finding('dlt-pipeline-disabled', 'low', { file: 'notebooks/match.py', line: 3 }),
    ];
    const out = applySuppressions(b, findings, config());
    expect(out.kept.map((f) => f.check)).toEqual(['dlt-pipeline-disabled']);
    expect(out.suppressed).toBe(2);
    expect(out.withoutReason).toBe(0);
  });
});

describe('config suppressions', () => {
  const findings = [
    finding('entry-point-missing', 'critical', { file: 'resources/jobs.yml', line: 9 }),
    finding('library-deps-inconsistent', 'medium', { file: 'notebooks/match.py', line: 1 }),
    finding('library-deps-inconsistent', 'medium', { file: 'resources/jobs.yml', line: 1 }),
    finding('cli-init-missing', 'low'),
    finding('dlt-pipeline-disabled', 'low', { file: 'resources/pipelines.yml', line: 2 }),
  ];

  it('applies ignore rules by check id and path glob, with and without a reason', () => {
    const out = applySuppressions(
      b,
      findings,
      config({
        ignore: [
          { check: 'library-deps-inconsistent', path: 'notebooks/**', reason: 'notebooks pin their own deps' },
          { check: 'cli-init-missing' },
          { check: 'dlt-pipeline-disabled', path: 'src/**' },
        ],
      }),
    );
    expect(out.kept.map((f) => `${f.check}@${f.loc?.file ?? '-'}`)).toEqual([
      'entry-point-missing@resources/jobs.yml',
      'library-deps-inconsistent@resources/jobs.yml',
      'dlt-pipeline-disabled@resources/pipelines.yml',
    ]);
    expect(out.suppressed).toBe(2);
    expect(out.withoutReason).toBe(1);
    expect(out.withoutReasonAt[0]).toMatchObject({ check: 'cli-init-missing', via: 'config' });
  });

  it('applies severity overrides; off drops and counts', () => {
    const out = applySuppressions(b, findings, config({ severity: { 'entry-point-missing': 'high', 'dlt-pipeline-disabled': 'off' } }));
    expect(out.kept.find((f) => f.check === 'entry-point-missing')!.severity).toBe('high');
    expect(out.kept.some((f) => f.check === 'dlt-pipeline-disabled')).toBe(false);
    expect(out.suppressed).toBe(1);
    // the input is not mutated
    expect(findings[0].severity).toBe('critical');
  });
});

describe('suppressionNotices', () => {
  it('asks for a reason once per reasonless comment and once per reasonless config rule', () => {
    const findings = [
      finding('entry-point-missing', 'critical', { file: 'resources/jobs.yml', line: 7 }),
      finding('cli-init-missing', 'low', { file: 'a.yml', line: 1 }),
      finding('cli-init-missing', 'low', { file: 'b.yml', line: 1 }),
    ];
    const out = applySuppressions(b, findings, config({ ignore: [{ check: 'cli-init-missing' }] }));
    expect(out.withoutReason).toBe(3);
    expect(suppressionNotices(out).map((n) => [n.check, n.severity, n.loc?.line, n.message])).toEqual([
      ['suppression-without-reason', 'info', 7, 'dab-ready-ignore: entry-point-missing has no reason; write one after the check id'],
      ['suppression-without-reason', 'info', undefined, '.dab-ready.yml: the ignore rule for cli-init-missing has no reason'],
    ]);
  });
});

describe('inline suppression syntax', () => {
  it('reads a comment of any of the three styles, ids with spaces around commas, and a reason after a dash or colon', () => {
    expect(parseInlineSuppression('x  //dab-ready-ignore :a_1 ,  b-2,*')).toEqual({ checks: ['a_1', 'b-2', '*'] });
    expect(parseInlineSuppression('# dab-ready-ignore: a – pinned upstream  ')).toEqual({ checks: ['a'], reason: 'pinned upstream' });
    expect(parseInlineSuppression('# dab-ready-ignore: a : why')).toEqual({ checks: ['a'], reason: 'why' });
    expect(parseInlineSuppression('# dab-ready-ignore: a -')).toEqual({ checks: ['a'] });
    expect(parseInlineSuppression('# dab-ready-ignore: a-b why-not')).toEqual({ checks: ['a-b'], reason: 'why-not' });
  });

  it('needs a comment marker, the colon and an id', () => {
    expect(parseInlineSuppression('dab-ready-ignore: a')).toBeUndefined();
    expect(parseInlineSuppression('# dab-ready-ignore a')).toBeUndefined();
    expect(parseInlineSuppression('# dab-ready-ignore:')).toBeUndefined();
    expect(parseInlineSuppression('# dab-ready-ignore: !a')).toBeUndefined();
  });
});

describe('where a suppression applies', () => {
  const files = {
    'jobs.yml': ['a: 1', '  # dab-ready-ignore: *  every check here, on purpose', 'b: 2', 'c: 3  // dab-ready-ignore: x'].join('\n'),
  };
  const loc = (line: number) => ({ file: 'jobs.yml', line });

  it('an id * in a comment suppresses every check; the place reported is the comment’s', () => {
    const out = applySuppressions(bundle({ files }), [finding('anything', 'high', loc(3))], config());
    expect(out.kept).toEqual([]);
    expect(out.suppressed).toBe(1);
    const reasonless = applySuppressions(bundle({ files }), [finding('x', 'high', loc(4))], config());
    expect(reasonless.withoutReasonAt).toEqual([{ check: 'x', loc: { file: 'jobs.yml', line: 4, column: 10 }, via: 'comment' }]);
  });

  it('a finding with no place, at line 0, past the end of its file, or in a file nobody can read is kept', () => {
    const unreadable = bundle({ files });
    unreadable.fileIndex.lines = () => {
      throw new Error('EACCES');
    };
    const kept = [finding('anything', 'high'), finding('anything', 'high', loc(0)), finding('anything', 'high', loc(99)), finding('anything', 'high', { file: 'other.py', line: 1 })];
    expect(applySuppressions(unreadable, kept, config()).kept).toHaveLength(4);
  });

  it('reads YAML files from the loaded configuration before the file index', () => {
    const b = bundle({ files: { 'resources/jobs.yml': 'x: 1 # dab-ready-ignore: y' } });
    b.fileIndex.lines = () => ['nothing here'];
    expect(applySuppressions(b, [finding('y', 'high', { file: 'resources/jobs.yml', line: 1 })], config()).kept).toEqual([]);
  });

  it('an ignore rule for * ignores every check; a rule with a path never ignores a finding without a place', () => {
    const rules = config({ ignore: [{ check: '*', path: 'jobs.yml', reason: 'generated' }] });
    const out = applySuppressions(bundle({ files }), [finding('a', 'high', loc(1)), finding('b', 'low', loc(2)), finding('c', 'low'), finding('d', 'low', { file: 'x.yml', line: 1 })], rules);
    expect(out.kept.map((f) => f.check)).toEqual(['c', 'd']);
    expect(out.withoutReason).toBe(0);
  });

  it('a reasonless rule records where each finding it dropped was, or no place', () => {
    const out = applySuppressions(bundle({ files }), [finding('a', 'high', loc(1)), finding('a', 'high')], config({ ignore: [{ check: 'a' }] }));
    expect(out.withoutReasonAt).toEqual([
      { check: 'a', loc: { file: 'jobs.yml', line: 1, column: 1 }, via: 'config' },
      { check: 'a', via: 'config' },
    ]);
  });
});

describe('suppressionNotices of the configuration', () => {
  it('names the configuration file it was read from, once per check', () => {
    const outcome = {
      kept: [],
      suppressed: 3,
      withoutReason: 3,
      withoutReasonAt: [
        { check: 'a', via: 'config' as const },
        { check: 'b', via: 'config' as const },
        { check: 'a', via: 'config' as const },
        { check: 'c', via: 'comment' as const },
      ],
    };
    expect(suppressionNotices(outcome, 'ci/dab-ready.yml')).toEqual([
      { check: 'suppression-without-reason', severity: 'info', message: 'ci/dab-ready.yml: the ignore rule for a has no reason' },
      { check: 'suppression-without-reason', severity: 'info', message: 'ci/dab-ready.yml: the ignore rule for b has no reason' },
      { check: 'suppression-without-reason', severity: 'info', message: 'dab-ready-ignore: c has no reason; write one after the check id' },
    ]);
  });
});
