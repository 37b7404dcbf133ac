import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/report/text.js';
import { finding } from '../readiness/helpers.js';
import { hostileResult, seedResult } from './results.js';

const ANSI = /\u001b\[/;

describe('renderText', () => {
  const out = renderText(seedResult());

  it('starts with the score line and the blockers', () => {
    const lines = out.split('\n');
    expect(lines[0]).toBe('entity_matching');
    expect(lines[1]).toBe('Readiness score 65/100 (dev 65, prod 65) · BLOCKED: 2 critical blockers');
    expect(lines[2]).toBe('Critical 2 · High 2 · Medium 1 · Low 2 · Info 0');
  });

  it('prints findings as file:line:col  severity  check-id  message, with the fix, in report order', () => {
    const findingLines = out.split('\n').filter((l) => /^\S+:\d+:\d+ {2}/.test(l));
    expect(findingLines[0]).toBe('resources/jobs_phase2_training.yml:40:1  critical  wheel-not-built  No artifact builds the wheel of entity_matching');
    expect(findingLines[1]).toBe(
      'resources/jobs_phase2_training.yml:48:1  critical  entry-point-missing  python_wheel_task entry point `train_ditto` is not declared by package entity_matching',
    );
    expect(out).toContain('    fix: Declare the entry point in pyproject.toml');
    expect(out).toContain('databricks.yml  low  cli-init-missing  No .databrickscfg template or init script');
  });

  it('shows phases with their failing checks, verification and totals', () => {
    expect(out).toContain(
      '  ✘ Phase 2: Training  BLOCKED (after 0, 1)\n      ✘ Entry points missing → BLOCKER\n      ✘ Wheel not built → BLOCKER',
    );
    // held back behind the blocked phase 2, as the deploy plan does; the status stays PARTIAL
    expect(out).toContain('  ⚠ Phase 3: Serving  PARTIAL (after 0, 1, 2) · held back: depends on blocked Phase 2: Training');
    expect(out).toContain('  ✔ Phase 0: Catalog Setup  READY');
    expect(out).toContain('      | ModuleNotFoundError: No module named');
    expect(out).toContain('Effort: critical path ~2.5 h · with high ~8.5 h · full ~18 h');
    expect(out).toContain('.dab-ready.yml:4:1  high  config-invalid');
  });

  it('uses ANSI colour only when asked', () => {
    expect(out).not.toMatch(ANSI);
    const colored = renderText(seedResult(), { color: true });
    expect(colored).toMatch(ANSI);
    expect(colored.replace(/\u001b\[[0-9;]*m/g, '')).toBe(out);
  });

  it('strips control characters that come from the repository', () => {
    const result = hostileResult();
    result.bundles[0].findings.push(finding('x', 'low', { file: 'evil\u001b[31m.yml', line: 1, message: 'bell\u0007 and \u001b]0;title\u0007' }));
    const text = renderText(result);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});
