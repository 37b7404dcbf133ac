import { describe, expect, test } from 'vitest';
import { entryPointMissing } from '../../src/checks/entry-point-missing.js';
import { entryPointUnresolvable } from '../../src/checks/entry-point-unresolvable.js';
import { expectWellFormed, runCheck, runOnDefault, where } from './seed-helpers.js';

describe('entry-point-missing', () => {
  test('fires for an undeclared entry point (PEP 503 package match) and a wheel task without entry_point', () => {
    const findings = runCheck(entryPointMissing, 'entry-point-missing/broken');
    expectWellFormed(findings);
    expect(findings.map((f) => [where(f), f.resources])).toEqual([
      ['resources/jobs.yml:10:26', ['jobs.run_pkg']],
      ['resources/jobs.yml:16:13', ['jobs.run_pkg']],
    ]);
    const [undeclared, noEntry] = findings;
    expect(undeclared.message).toContain('entry point run of package My.Pkg is declared nowhere');
    expect(undeclared.message).toContain('declared: other (console_scripts)');
    // the fix names a zero-argument function the package already has
    expect(undeclared.fix?.patch).toBe('# pyproject.toml\n[project.scripts]\nrun = "my_pkg.main:main"');
    expect(undeclared.evidence).toContain('python_wheel_task:');
    expect(noEntry.message).toContain('without entry_point');
  });

  test('silent when the entry point is declared (any group), or the package itself defines the function', () => {
    expect(runCheck(entryPointMissing, 'entry-point-missing/fixed')).toEqual([]);
    expect(runCheck(entryPointMissing, 'entry-point-missing/fallback')).toEqual([]);
  });

  test('a package that is not in the repository (PyPI) is not judged', () => {
    const findings = runCheck(entryPointMissing, 'entry-point-missing/broken');
    expect(findings.some((f) => f.resources?.includes('jobs.from_pypi'))).toBe(false);
  });

  test('metadata', () => {
    expect(entryPointMissing.breaksDeploy).toBe(false);
    expect(entryPointMissing.successMessage).toBe('Every python_wheel_task entry point is declared');
    expect(entryPointMissing.docs).toContain('$packageName.$entryPoint()');
  });
});

describe('entry-point-unresolvable', () => {
  test('fires for an unpackaged module, a function with required positionals and a missing function', () => {
    const findings = runOnDefault(entryPointUnresolvable, 'entry-point-unresolvable/broken');
    expectWellFormed(findings);
    expect(findings.map((f) => f.loc!.line)).toEqual([10, 11, 12]);
    expect(findings.every((f) => f.loc!.file === 'pyproject.toml')).toBe(true);
    expect(findings.every((f) => f.resources!.join() === 'jobs.training')).toBe(true);
    const [notPackaged, positional, missing] = findings;
    expect(notPackaged.message).toContain('names module src.models.ditto_matcher, which the wheel of entity_matching does not contain (it packages entity_matching)');
    expect(notPackaged.impact).toContain("ModuleNotFoundError: No module named 'src'");
    expect(notPackaged.fix?.patch).toBe('[project.scripts]\ntrain_ditto = "entity_matching.cli:train_cli"');
    expect(positional.message).toContain('main() requires 1 positional argument');
    expect(positional.impact).toContain('TypeError');
    expect(missing.message).toContain('entity_matching/report.py defines no top-level build_report');
  });

  test('silent when every entry point resolves (an imported alias counts)', () => {
    expect(runCheck(entryPointUnresolvable, 'entry-point-unresolvable/fixed')).toEqual([]);
  });
});
