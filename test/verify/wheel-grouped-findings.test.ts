// A static finding that stands for several tasks (one root cause: two jobs run the same undeclared
// entry point) stays one finding when the real build confirms it for each of them.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { entryPointMissing } from '../../src/checks/entry-point-missing.js';
import type { Finding } from '../../src/model.js';
import { verifyWheels } from '../../src/verify/wheels.js';
import { PRECISION_FIXTURES } from '../checks/precision-helpers.js';
import { copyFixture, loadBundle, OFFLINE, recordingLogger, staticFindings, targetsOf } from './wheel-support.js';

let copy: { dir: string; remove(): void };
let staticIn: Finding[];
let findings: Finding[];

beforeAll(async () => {
  copy = copyFixture('one-per-problem/entry-point', PRECISION_FIXTURES);
  const bundle = loadBundle(copy.dir);
  const targets = targetsOf(bundle);
  staticIn = staticFindings(bundle, targets, [entryPointMissing]);
  ({ findings } = await verifyWheels(bundle, targets, staticIn, OFFLINE, recordingLogger()));
}, 240_000);
afterAll(() => copy.remove());

test('one entry-point-missing for both tasks, confirmed by the build, no second finding per task', () => {
  expect(staticIn.map((f) => [f.check, f.resources])).toEqual([['entry-point-missing', ['jobs.nightly', 'jobs.weekly']]]);
  const missing = findings.filter((f) => f.check === 'entry-point-missing');
  expect(missing.map((f) => [f.loc?.line, f.resources, f.verified])).toEqual([[20, ['jobs.nightly', 'jobs.weekly'], true]]);
});
