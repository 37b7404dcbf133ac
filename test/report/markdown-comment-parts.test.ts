// The parts of the Markdown report the pull request comment shows: the verification runs (their
// icon, one section per step, durations) and the top gaps with their "…and N more".
import { describe, expect, it } from 'vitest';
import type { VerificationStep } from '../../src/model.js';
import { formatDuration, renderTopGaps, renderVerification, renderVerificationStep, verificationIcon } from '../../src/report/markdown.js';
import { bundle, finding } from '../github/factory.js';

function step(status: VerificationStep['status'], extra: Partial<VerificationStep> = {}): VerificationStep {
  return { step: 'build', status, durationMs: 1500, command: 'python -m build --wheel', detail: 'built pkg-1.0-py3-none-any.whl', ...extra };
}

describe('verification icon', () => {
  it('❌ when any step failed, ✅ when one passed and none failed, ⚠️ when nothing ran', () => {
    expect(verificationIcon([step('passed'), step('failed'), step('skipped')])).toBe('❌');
    expect(verificationIcon([step('skipped'), step('passed')])).toBe('✅');
    expect(verificationIcon([step('skipped'), step('skipped')])).toBe('⚠️');
    expect(verificationIcon([])).toBe('⚠️');
  });
});

describe('a verification step', () => {
  it('heading: icon, step, target and subject, status and duration; then the detail and the command', () => {
    const text = renderVerificationStep(step('passed', { target: 'dev', subject: 'pkg' }), { depth: 4 });
    expect(text).toBe(['##### ✅ build · target `dev` · `pkg` · passed in 1.5 s', 'built pkg-1.0-py3-none-any.whl', '```console\n$ python -m build --wheel\n```'].join('\n\n'));
  });

  it('without target, subject, detail or command: only the heading', () => {
    expect(renderVerificationStep(step('skipped', { detail: '', command: '', durationMs: 0 }))).toBe('### ⏭️ build · skipped in 0 ms');
    expect(renderVerificationStep(step('passed', { subject: 'pkg', detail: '', command: '' }))).toBe('### ✅ build · `pkg` · passed in 1.5 s');
    expect(renderVerificationStep(step('passed', { target: 'prod', detail: '', command: '' }))).toBe('### ✅ build · target `prod` · passed in 1.5 s');
  });

  it('a failed step shows the last lines of its output; a passed one or one without output does not', () => {
    const failed = renderVerificationStep(step('failed', { output: ['error: invalid command', 'exit 1'] }));
    expect(failed.startsWith('### ❌ build · failed in 1.5 s')).toBe(true);
    expect(failed.endsWith('Last lines of output:\n\n```text\nerror: invalid command\nexit 1\n```')).toBe(true);
    expect(renderVerificationStep(step('passed', { output: ['fine'] }))).not.toContain('Last lines');
    expect(renderVerificationStep(step('failed', { output: [] }))).not.toContain('Last lines');
  });

  it('the section: a heading at the depth asked (between 1 and 4), one sub-section per step in order', () => {
    const b = bundle([], { verification: [step('passed', { step: 'build' }), step('failed', { step: 'smoke' })] });
    const text = renderVerification(b, { depth: 3 });
    expect(text.split('\n').filter((l) => l.startsWith('#'))).toEqual(['### Verification', '#### ✅ build · passed in 1.5 s', '#### ❌ smoke · failed in 1.5 s']);
    expect(renderVerification(b).startsWith('## Verification')).toBe(true);
    expect(renderVerification(b, { depth: 9 }).startsWith('#### Verification\n')).toBe(true);
    expect(renderVerification(b, { depth: 0 }).startsWith('# Verification\n')).toBe(true);
  });
});

describe('durations', () => {
  it('milliseconds under a second, seconds with one decimal under a minute, then minutes and seconds', () => {
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(999.4)).toBe('999 ms');
    expect(formatDuration(1000)).toBe('1.0 s');
    expect(formatDuration(59_949)).toBe('59.9 s');
    expect(formatDuration(60_000)).toBe('1 min 0 s');
    expect(formatDuration(125_600)).toBe('2 min 6 s');
  });
});

describe('top gaps', () => {
  const findings = (n: number) => Array.from({ length: n }, (_, i) => finding(`c${i}`, 'high', `f${i}.yml`, i + 1));

  it('lists up to the limit, then "…and N more findings" (one: "finding")', () => {
    const lines = (n: number, limit: number) => renderTopGaps(bundle(findings(n)), limit).split('\n').filter((l) => l.startsWith('- '));
    expect(lines(5, 3)).toHaveLength(4);
    expect(lines(5, 3)[3]).toBe('- _…and 2 more findings_');
    expect(lines(4, 3)[3]).toBe('- _…and 1 more finding_');
  });

  it('exactly the limit: no "…and 0 more" line', () => {
    const text = renderTopGaps(bundle(findings(3)), 3);
    expect(text.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(3);
    expect(text).not.toContain('more finding');
  });

  it('no findings: says so', () => {
    expect(renderTopGaps(bundle([]), 3, { depth: 3 })).toBe('### Top Gaps\n\n✅ No gaps found.');
  });
});
