import { describe, expect, it } from 'vitest';
import { renderPullRequestComment } from '../../src/github/comment-body.js';
import type { Result } from '../../src/model.js';
import { renderJobSummary } from '../../src/github/summary.js';
import type { VerificationStep } from '../../src/model.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { bundle, finding, result } from './factory.js';

// A verification in which every step was skipped verified nothing: it must not show a green check.

const skipped: VerificationStep = {
  step: 'build',
  subject: '.',
  status: 'skipped',
  durationMs: 3,
  command: 'python3 -m build --wheel',
  detail: 'skipped: python3 has no `build` module (python -m pip install build)',
};
const passed: VerificationStep = { ...skipped, status: 'passed', detail: 'built x.whl' };
const failed: VerificationStep = { ...skipped, status: 'failed', detail: 'build failed' };
const view = (r: Result) => ({ result: r, gate: { passed: true, reasons: [] }, failOn: 'critical' as const, deltas: new Map(), prefix: '' });
const withSteps = (steps: VerificationStep[]) => result([bundle([finding('crit', 'critical', 'a.yml', 1)], { verification: steps })]);

describe('verification status icons', () => {
  it('a skipped-only verification shows ⚠️ and "nothing was verified" in the job summary, never ✅', () => {
    const text = renderJobSummary(view(withSteps([skipped])));
    expect(text).toContain('<summary>⚠️ Verification runs</summary>');
    expect(text).not.toMatch(/✅ Verification/);
    const short = renderMarkdown(withSteps([skipped]), { detail: 'summary' });
    expect(short).toContain('**Verification:** ⚠️ 0 passed, 0 failed, 1 skipped: nothing was verified');
  });

  it('a skipped-only verification is ⚠️ in the pull request comment', () => {
    const r = withSteps([skipped]);
    const body = renderPullRequestComment(view(r));
    expect(body).toContain('<summary>⚠️ Verification runs</summary>');
  });

  it('keeps ✅ when a step passed (another skipped) and ❌ when one failed', () => {
    const ok = renderMarkdown(withSteps([passed, skipped]), { detail: 'summary' });
    expect(ok).toContain('**Verification:** ✅ 1 passed, 0 failed, 1 skipped');
    expect(ok).not.toContain('nothing was verified');
    const bad = renderMarkdown(withSteps([failed, skipped]), { detail: 'summary' });
    expect(bad).toContain('**Verification:** ❌ 0 passed, 1 failed, 1 skipped: build `.`');
    const r = withSteps([failed]);
    expect(renderPullRequestComment(view(r))).toContain('<summary>❌ Verification runs</summary>');
  });
});
