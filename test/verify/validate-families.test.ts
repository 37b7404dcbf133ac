// Issue 11 item 6: a `databricks bundle validate` diagnostic merges into a static finding only when
// both are about the same kind of problem (same family) at that place or about that subject.
import { describe, expect, test } from 'vitest';
import type { Finding } from '../../src/model.js';
import { checkFamilies, diagnosticFamilies } from '../../src/verify/validate-families.js';
import { diagnosticFinding, mergeWithStatic } from '../../src/verify/validate.js';
import { parseValidateStderr } from '../../src/verify/validate-parse.js';

// Verbatim from cli acceptance/bundle/paths/nominal/output.txt
const ENTRY_POINT_WARNING = [
  'Warning: required field "entry_point" is not set',
  '  at resources.jobs.my_job.tasks[4].python_wheel_task',
  '  in resources/my_job.yml:33:13',
  '',
].join('\n');

const cliFindings = (stderr: string): Finding[] => parseValidateStderr(stderr).diagnostics.map((d) => diagnosticFinding(d, 'dev'));
const finding = (check: string, line: number, message = `${check} finding`): Finding => ({
  check,
  severity: 'critical',
  message,
  loc: { file: 'resources/my_job.yml', line, column: 1 },
  targets: ['dev'],
  phases: [],
});

describe('merging CLI diagnostics with static findings', () => {
  test('a warning about entry_point does not vanish into cli-init-missing on the same line', () => {
    const merged = mergeWithStatic([finding('cli-init-missing', 33)], cliFindings(ENTRY_POINT_WARNING));
    expect(merged.map((f) => [f.check, f.validateAgrees ?? false])).toEqual([
      ['cli-init-missing', false],
      ['bundle-validate-warning', false],
    ]);
  });

  test('it merges into the static finding about the same problem: entry-point-missing or required-field-missing there', () => {
    for (const check of ['entry-point-missing', 'required-field-missing']) {
      const merged = mergeWithStatic([finding(check, 33)], cliFindings(ENTRY_POINT_WARNING));
      expect(merged.map((f) => [f.check, f.validateAgrees ?? false]), check).toEqual([[check, true]]);
    }
  });

  test('same family but another place and subject: kept apart', () => {
    const merged = mergeWithStatic([finding('required-field-missing', 12)], cliFindings(ENTRY_POINT_WARNING));
    expect(merged.map((f) => f.check)).toEqual(['required-field-missing', 'bundle-validate-warning']);
  });

  test('a path error without a location merges by its subject, only with a path check', () => {
    const stderr = 'Error: notebook "src/missing" not found. Local notebook references are expected\nto contain one of the following file extensions: [.py, .r, .scala, .sql, .ipynb]\n';
    const path = finding('path-not-found', 9, 'notebook "src/missing" not found. Local notebook references are expected to contain ...');
    const unrelated = finding('library-deps-inconsistent', 9, 'src/missing installs pandas with %pip install');
    const merged = mergeWithStatic([path, unrelated], cliFindings(stderr));
    expect(merged.map((f) => [f.check, f.validateAgrees ?? false])).toEqual([
      ['path-not-found', true],
      ['library-deps-inconsistent', false],
    ]);
  });

  test('families: checks and diagnostics', () => {
    expect(checkFamilies('undefined-variable')).toEqual(['variables']);
    expect(checkFamilies('cli-init-missing')).toEqual([]);
    // a check added later falls into a family by its name
    expect(checkFamilies('path-dbfs-unsupported')).toContain('paths');
    expect(diagnosticFamilies('reference does not exist: ${var.hst}')).toEqual(['variables']);
    expect(diagnosticFamilies('no value assigned to required variable b. Variables are usually assigned in databricks.yml')).toEqual(['variables']);
    expect(diagnosticFamilies('file test1.py not found')).toEqual(['paths']);
    expect(diagnosticFamilies('job undefined-job is not defined')).toEqual(['resources']);
    expect(diagnosticFamilies('unknown field: mixed_parameters')).toEqual(['schema']);
    expect(diagnosticFamilies('Include section is defined outside root file')).toEqual(['includes']);
  });
});
