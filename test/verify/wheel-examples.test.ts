import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryPointMissing } from '../../src/checks/entry-point-missing.js';
import { entryPointUnresolvable } from '../../src/checks/entry-point-unresolvable.js';
import { packageNameMismatch } from '../../src/checks/package-name-mismatch.js';
import type { Bundle, Finding, VerificationStep } from '../../src/model.js';
import { verifyWheels } from '../../src/verify/wheels.js';
import { copyFixture, loadBundle, OFFLINE, recordingLogger, REPO, staticFindings, targetsOf } from './wheel-support.js';

// The embedded examples: the gap analysis' repository as found, and as fixed.
const EXAMPLES = path.join(REPO, 'examples');
const STATIC_CHECKS = [entryPointMissing, entryPointUnresolvable, packageNameMismatch];

interface Run {
  dir: string;
  bundle: Bundle;
  staticIn: Finding[];
  findings: Finding[];
  steps: VerificationStep[];
  remove(): void;
}

async function verifyExample(name: string): Promise<Run> {
  const copy = copyFixture(name, EXAMPLES);
  const bundle = loadBundle(copy.dir);
  const targets = targetsOf(bundle);
  const staticIn = staticFindings(bundle, targets, STATIC_CHECKS);
  const { findings, steps } = await verifyWheels(bundle, targets, staticIn, OFFLINE, recordingLogger());
  return { dir: copy.dir, bundle, staticIn, findings, steps, remove: copy.remove };
}

describe('examples/entity-matching (train_ditto declared nowhere)', () => {
  let run: Run;
  beforeAll(async () => {
    run = await verifyExample('entity-matching');
  });
  afterAll(() => run?.remove());

  it('builds the wheel and confirms the static entry-point-missing for train_ditto: one finding, verified', () => {
    expect(run.steps.find((s) => s.step === 'build')!.status).toBe('passed');
    expect(run.steps.find((s) => s.step === 'inspect')!.status).toBe('failed');
    const staticMissing = run.staticIn.filter((f) => f.check === 'entry-point-missing' && f.message.includes('train_ditto'));
    expect(staticMissing).toHaveLength(1);
    const missing = run.findings.filter((f) => f.check === 'entry-point-missing' && f.message.includes('train_ditto'));
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ verified: true, loc: staticMissing[0].loc, resources: ['jobs.train_ditto_model'], targets: staticMissing[0].targets });
    expect(missing[0].evidence).toContain(staticMissing[0].evidence!);
    expect(missing[0].evidence).toMatch(/entity_matching-1\.0\.0-py3-none-any\.whl has no entry_points\.txt|entry_points\.txt:/);
  });
});

describe('examples/entity-matching-fixed', () => {
  let run: Run;
  beforeAll(async () => {
    run = await verifyExample('entity-matching-fixed');
  });
  afterAll(() => run?.remove());

  it('passes build (its own artifact line), inspect and smoke of train_ditto --help, with nothing to report', () => {
    expect(run.steps.map((s) => [s.step, s.status])).toEqual([
      ['build', 'passed'],
      ['inspect', 'passed'],
      ['smoke', 'passed'],
      ['smoke', 'passed'],
    ]);
    expect(run.steps[0].command).toMatch(/^bash -c 'python3 -m build --no-isolation/);
    expect(run.steps[1].detail).toContain('console_scripts: train_ditto');
    expect(run.steps[3]).toMatchObject({ subject: 'train_ditto', detail: 'train_ditto --help exited 0' });
    expect(run.findings).toEqual([]);
    // Built in a temporary copy: the analysed tree gets no dist/.
    expect(existsSync(path.join(run.dir, 'dist'))).toBe(false);
  });
});
