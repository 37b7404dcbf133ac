import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryPointMissing } from '../../src/checks/entry-point-missing.js';
import { entryPointUnresolvable } from '../../src/checks/entry-point-unresolvable.js';
import { packageNameMismatch } from '../../src/checks/package-name-mismatch.js';
import type { Bundle, Finding, VerificationStep } from '../../src/model.js';
import { verifyWheels } from '../../src/verify/wheels.js';
import { copyFixture, findingsOf, inTempRoot, loadBundle, OFFLINE, recordingLogger, staticFindings, targetsOf, type RecordingLogger } from './wheel-support.js';

// Real fixture projects, real builds (python -m build / the artifact's own line), real venvs.
const STATIC_CHECKS = [entryPointMissing, entryPointUnresolvable, packageNameMismatch];

interface Run {
  dir: string;
  bundle: Bundle;
  staticIn: Finding[];
  findings: Finding[];
  steps: VerificationStep[];
  log: RecordingLogger;
  /** dab-ready's temporary folders left in the run's temporary root (none, when it cleaned up). */
  leftovers: () => string[];
  remove(): void;
}

async function verifyFixture(name: string, withStatic: boolean, extraStatic: (b: Bundle) => Finding[] = () => [], prepare: (dir: string) => void = () => {}): Promise<Run> {
  const copy = copyFixture(name);
  prepare(copy.dir);
  const bundle = loadBundle(copy.dir);
  const targets = targetsOf(bundle);
  const staticIn = [...(withStatic ? staticFindings(bundle, targets, STATIC_CHECKS) : []), ...extraStatic(bundle)];
  const log = recordingLogger();
  const { result, leftovers } = await inTempRoot(() => verifyWheels(bundle, targets, staticIn, OFFLINE, log));
  return { dir: copy.dir, bundle, staticIn, findings: result.findings, steps: result.steps, log, leftovers, remove: copy.remove };
}

const stepsOf = (run: Run, kind: VerificationStep['step']) => run.steps.filter((s) => s.step === kind);

describe('a wheel whose entry points all work (artifact build line, three ways to start an entry point)', () => {
  let run: Run;
  beforeAll(async () => {
    // A static finding that the built wheel contradicts: the entry point `run` exists (group databricks).
    run = await verifyFixture('good', true, (bundle) => {
      const task = bundle.targets.get('dev')!.jobs[0].tasks.find((t) => t.key === 'other_group')!;
      const entryPoint = task.typeNode!.entries.get('entry_point')!;
      return [
        {
          check: 'entry-point-missing',
          severity: 'critical',
          message: 'entry point run of package good_pkg is declared nowhere',
          loc: entryPoint.loc,
          resources: ['jobs.good_job'],
          targets: ['dev', 'prod'],
          phases: [],
        },
      ];
    }, (dir) => {
      // Left over from earlier builds: an older version of the package and another package's wheel.
      mkdirSync(path.join(dir, 'dist'));
      writeFileSync(path.join(dir, 'dist', 'good_pkg-0.2.9-py3-none-any.whl'), 'stale, not even a zip');
      writeFileSync(path.join(dir, 'dist', 'aaa_other-9.0-py3-none-any.whl'), 'another package');
    });
  });
  afterAll(() => run.remove());

  it('builds once for both targets with the artifact line, where python3 is the configured Python', () => {
    const builds = stepsOf(run, 'build');
    expect(builds).toHaveLength(1);
    expect(builds[0]).toMatchObject({ status: 'passed', command: "bash -c 'python3 -m build --wheel --no-isolation'", subject: '.' });
    expect(builds[0].target).toBeUndefined();
    // the newest wheel of the task's package, as the CLI picks it (>= v0.256.0)
    expect(builds[0].detail).toBe('built dist/good_pkg-0.3.0-py3-none-any.whl');
    // The artifact line wrote where deploy would have it write, in the temporary copy: the analysed tree is as it was.
    expect(readdirSync(path.join(run.dir, 'dist')).sort()).toEqual(['aaa_other-9.0-py3-none-any.whl', 'good_pkg-0.2.9-py3-none-any.whl']);
    expect(run.log.lines.join('\n')).not.toMatch(/No module named build/);
  });

  it('reads name, version and every entry point group from the wheel', () => {
    const [inspect] = stepsOf(run, 'inspect');
    expect(inspect.status).toBe('passed');
    expect(inspect.detail).toContain('good-pkg 0.3.0');
    expect(inspect.detail).toContain('console_scripts: hello');
    expect(inspect.detail).toContain('databricks: run');
  });

  it('installs into one venv and runs a console script, another group and the package.function fallback with --help', () => {
    const smoke = stepsOf(run, 'smoke');
    expect(smoke.map((s) => [s.subject, s.status])).toEqual([
      ['good_pkg-0.3.0-py3-none-any.whl', 'passed'],
      ['hello', 'passed'],
      ['run', 'passed'],
      ['main', 'passed'],
    ]);
    expect(smoke[0].command).toContain('--no-deps');
    expect(smoke[1].command).toBe('<venv>/bin/hello --help');
    expect(smoke[2].command).toContain(' group good-pkg run databricks');
    expect(smoke[3].command).toContain(' attr good_pkg main');
    // argparse printed each entry point's usage: they really ran with --help
    expect(run.log.lines.some((l) => l.startsWith('usage: hello'))).toBe(true);
    expect(run.log.lines.some((l) => l.startsWith('usage: run'))).toBe(true);
    expect(run.log.lines.some((l) => l.startsWith('usage: main'))).toBe(true);
  });

  it('removes the venv afterwards', () => {
    expect(stepsOf(run, 'smoke')[0].command).toContain('-m venv --without-pip <venv>');
    expect(run.leftovers()).toEqual([]);
  });

  it('overrules a static finding the wheel contradicts and adds none', () => {
    expect(run.staticIn.some((f) => f.check === 'entry-point-missing')).toBe(true);
    expect(run.findings).toEqual(run.staticIn.filter((f) => !['entry-point-missing', 'entry-point-unresolvable', 'package-name-mismatch'].includes(f.check)));
  });

  it('streams the tools output into log groups', () => {
    expect(run.log.groups[0]).toBe('dab-ready: build wheel in .');
    expect(run.log.byGroup.get('dab-ready: build wheel in .')!.some((l) => l.includes('Successfully built good_pkg-0.3.0'))).toBe(true);
    expect(run.log.groups).toContain('dab-ready: smoke hello --help');
  });
});

describe('a wheel that builds and installs but whose tasks fail on Databricks', () => {
  let run: Run;
  beforeAll(async () => {
    run = await verifyFixture('broken', true);
  });
  afterAll(() => run.remove());

  it('builds with python -m build into a temp folder and leaves the source tree as it was', () => {
    const [build] = stepsOf(run, 'build');
    expect(build.status).toBe('passed');
    // The temporary output folder is named as a placeholder in the report, and gone afterwards.
    expect(build.command).toBe(`${OFFLINE.python} -m build --wheel --no-isolation --outdir <build-output> .`);
    expect(readdirSync(run.dir).sort()).toEqual(['broken_pkg', 'databricks.yml', 'pyproject.toml', 'src']);
    expect(run.leftovers()).toEqual([]);
  });

  it('confirms the static entry-point-unresolvable finding for src.models.ditto_matcher with the ModuleNotFoundError: one finding, verified', () => {
    const staticOnes = findingsOf(run.staticIn, 'entry-point-unresolvable').filter((f) => f.message.includes('src.models.ditto_matcher'));
    expect(staticOnes).toHaveLength(1);
    const out = findingsOf(run.findings, 'entry-point-unresolvable').filter((f) => f.message.includes('src.models.ditto_matcher'));
    expect(out).toHaveLength(1);
    expect(out[0].verified).toBe(true);
    expect(out[0].loc).toEqual(staticOnes[0].loc);
    expect(out[0].evidence).toContain("ModuleNotFoundError: No module named 'src'");
    expect(out[0].evidence).toContain('train_ditto = src.models.ditto_matcher:train_cli');
    expect(out[0].evidence).not.toMatch(/dab-ready-venv-|\/tmp\//);
    expect(findingsOf(run.findings, 'entry-point-smoke-failed').some((f) => f.message.includes('train_ditto'))).toBe(false);
  });

  it('confirms the positional-argument finding with the TypeError from running it', () => {
    const out = run.findings.filter((f) => f.check !== 'entry-point-missing' && f.message.includes('needs_args'));
    expect(out).toHaveLength(1);
    expect(out[0].check).toBe('entry-point-unresolvable');
    expect(out[0].verified).toBe(true);
    expect(out[0].evidence).toContain("TypeError: needs_args() missing 1 required positional argument: 'config_path'");
    const smoke = stepsOf(run, 'smoke').find((s) => s.subject === 'needs_args')!;
    expect(smoke.status).toBe('failed');
    expect(smoke.output!.at(-1)).toContain('TypeError');
  });

  it('confirms the missing entry point evaluate', () => {
    const out = run.findings.filter((f) => f.message.includes('evaluate'));
    expect(out.map((f) => [f.check, f.verified])).toEqual([['entry-point-missing', true]]);
    expect(out[0].evidence).toContain('[console_scripts]');
  });

  it('confirms the package_name that is not the wheel name (PEP 503) and smoke-tests its entry point anyway', () => {
    const out = findingsOf(run.findings, 'package-name-mismatch');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ verified: true, resources: ['jobs.report'], targets: ['dev'] });
    expect(out[0].evidence).toContain('Name: broken-pkg');
    expect(stepsOf(run, 'smoke').find((s) => s.subject === 'ok_cmd')!.status).toBe('passed');
  });

  it('fails the inspect step and reports every failing smoke with the tools last lines', () => {
    expect(stepsOf(run, 'inspect')[0].status).toBe('failed');
    const smoke = stepsOf(run, 'smoke').find((s) => s.subject === 'train_ditto')!;
    expect(smoke).toMatchObject({ status: 'failed' });
    expect(smoke.detail).toBe("train_ditto --help failed (exit code 1): ModuleNotFoundError: No module named 'src'");
  });

  it('does not blame the project for a dependency that --no-deps left out: the smoke step is skipped, no finding', () => {
    const smoke = stepsOf(run, 'smoke').find((s) => s.subject === 'score')!;
    expect(smoke.status).toBe('skipped');
    expect(smoke.detail).toBe('skipped: score --help needs module scoring_engine_not_installed, which --no-deps did not install');
    expect(smoke.output!.at(-1)).toBe("ModuleNotFoundError: No module named 'scoring_engine_not_installed'");
    const task = run.bundle.targets.get('dev')!.jobs[0].tasks.find((t) => t.key === 'score')!;
    const taskLines = [task.loc.line, task.node.keyLocs.get('python_wheel_task')!.line];
    expect(run.findings.filter((f) => f.loc?.file === 'databricks.yml' && taskLines.includes(f.loc.line))).toEqual([]);
    expect(run.findings.some((f) => f.check === 'entry-point-smoke-failed' && f.message.includes('score'))).toBe(false);
  });

  it('without static findings, reports the smoke failure itself', async () => {
    const bare = await verifyFixture('broken', false);
    try {
      const smokeFailed = findingsOf(bare.findings, 'entry-point-smoke-failed');
      expect(smokeFailed.map((f) => f.message)).toEqual([
        "`needs_args --help` of task needs_args fails in a clean venv (exit code 1): TypeError: needs_args() missing 1 required positional argument: 'config_path'",
      ]);
      expect(smokeFailed[0]).toMatchObject({ severity: 'critical', verified: true, resources: ['jobs.train_ditto_model'] });
      const task = bare.bundle.targets.get('dev')!.jobs[0].tasks.find((t) => t.key === 'needs_args')!;
      expect(smokeFailed[0].loc).toEqual(task.node.keyLocs.get('python_wheel_task'));
      expect(smokeFailed[0].fix!.text).toContain('give every parameter a default');
      expect(new Set(bare.findings.map((f) => f.check))).toEqual(
        new Set(['entry-point-unresolvable', 'entry-point-smoke-failed', 'entry-point-missing', 'package-name-mismatch']),
      );
    } finally {
      bare.remove();
    }
  });
});

describe('setup.py entry points next to a pyproject [project] table', () => {
  let run: Run;
  beforeAll(async () => {
    run = await verifyFixture('setup-args-ignored', true);
  });
  afterAll(() => run.remove());

  it('confirms entry-point-missing from the build warning even though this setuptools still honoured setup.py', () => {
    const out = findingsOf(run.findings, 'entry-point-missing');
    expect(out).toHaveLength(1);
    expect(out[0].verified).toBe(true);
    expect(out[0].evidence).toContain('would be ignored');
    expect(out[0].evidence).toContain("'legacy=legacy_pkg.cli:main'");
    expect(findingsOf(run.staticIn, 'entry-point-missing')).toHaveLength(1);
  });
});
