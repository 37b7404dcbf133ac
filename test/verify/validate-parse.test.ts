import { describe, expect, it } from 'vitest';
import { messageSubjects, parseValidateStderr, resourceAddress } from '../../src/verify/validate-parse.js';
import { scenarioSection } from '../fixtures/cli/read-scenario.js';

// Every input here is the real CLI's output, copied verbatim from the databricks/cli acceptance
// outputs into test/fixtures/cli/*.scenario (see the first lines of each file for the source).

describe('parsing databricks bundle validate diagnostics (verbatim CLI output)', () => {
  it('reads warnings with a config path and several locations, then an error whose summary spans two lines (paths/nominal)', () => {
    const { diagnostics, strictFailure } = parseValidateStderr(scenarioSection('nominal', 'validate.stderr@error'));
    expect(strictFailure).toBe(false);
    expect(diagnostics.map((d) => d.severity)).toEqual(['warning', 'warning', 'warning', 'warning', 'warning', 'error']);
    expect(diagnostics[0]).toMatchObject({
      summary: 'required field "entry_point" is not set',
      paths: ['resources.jobs.my_job.tasks[4].python_wheel_task'],
      locations: [{ file: 'resources/my_job.yml', line: 33, column: 13 }],
      detail: undefined,
    });
    const error = diagnostics[5];
    expect(error.summary).toBe(
      'notebook "resources/this value is overridden" not found. Local notebook references are expected to contain one of the following file extensions: [.py, .r, .scala, .sql, .ipynb]',
    );
    expect(error.locations).toEqual([]);
    expect(error.paths).toEqual([]);
  });

  it('keeps the extra locations indented by five spaces (paths/nominal, target development)', () => {
    const { diagnostics } = parseValidateStderr(scenarioSection('nominal', 'validate.stderr@development'));
    expect(diagnostics).toHaveLength(5);
    expect(diagnostics[3].locations).toEqual([
      { file: 'resources/my_job.yml', line: 48, column: 15 },
      { file: 'override_job.yml', line: 46, column: 19 },
    ]);
    expect(diagnostics[3].paths).toEqual(['resources.jobs.my_job.tasks[1].for_each_task.task']);
  });

  it('reads a diagnostic without location whose detail spans several lines (variables/reference-typo)', () => {
    const { diagnostics } = parseValidateStderr(scenarioSection('reference-typo', 'validate.stderr'));
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        summary: 'reference does not exist: ${var.hst}',
        paths: [],
        locations: [],
        detail: 'did you mean:\n  ${var.host}',
        text: 'Error: reference does not exist: ${var.hst}\n\ndid you mean:\n  ${var.host}',
      },
    ]);
  });

  it('reads several config paths and several locations, then the detail paragraph (artifacts/same_name_libraries)', () => {
    const [d] = parseValidateStderr(scenarioSection('same-name-libraries', 'validate.stderr')).diagnostics;
    expect(d.paths).toEqual(['resources.jobs.test.tasks[0].libraries[0].whl', 'resources.jobs.test.tasks[1].libraries[0].whl']);
    expect(d.locations).toEqual([
      { file: 'databricks.yml', line: 36, column: 15 },
      { file: 'databricks.yml', line: 45, column: 15 },
    ]);
    expect(d.detail).toMatch(/^Local library names must be unique but found libraries with the same name: whl1\/dist\//);
  });

  it('reads a four-line summary before its location, and an error without location (variables/empty)', () => {
    const { diagnostics } = parseValidateStderr(scenarioSection('variables-empty', 'validate.stderr'));
    expect(diagnostics).toHaveLength(2);
    expect(diagnostics[0].summary).toMatch(/^Please do not use variable interpolation in the name of your bundle\. The name of your bundle is a part .* cleaned up during bundle destroy\.$/);
    expect(diagnostics[0].locations).toEqual([{ file: 'databricks.yml', line: 7, column: 9 }]);
    expect(diagnostics[0].paths).toEqual(['bundle.name']);
    expect(diagnostics[1]).toMatchObject({ severity: 'error', locations: [], detail: undefined });
    expect(diagnostics[1].summary).toMatch(/^no value assigned to required variable a\. /);
  });

  it('reads errors with only `in` locations and absolute paths inside the bundle root (paths/fallback)', () => {
    const stderr = scenarioSection('fallback', 'validate.stderr').replaceAll('[TEST_TMP_DIR]', '/tmp/bundle');
    const { diagnostics } = parseValidateStderr(stderr, '/tmp/bundle');
    expect(diagnostics.filter((d) => d.severity === 'error')).toHaveLength(6);
    expect(diagnostics[1].locations).toEqual([
      { file: 'override_job.yml', line: 9, column: 32 },
      { file: 'resources/my_job.yml', line: 9, column: 28 },
    ]);
    expect(diagnostics[1].paths).toEqual([]);
    expect(diagnostics[6].locations).toEqual([{ file: 'override_pipeline.yml', line: 10, column: 23 }]);
  });

  it('reads a location followed by a detail paragraph, twice at the same place (includes/non_yaml_in_include)', () => {
    const { diagnostics } = parseValidateStderr(scenarioSection('non-yaml-include', 'validate.stderr'));
    expect(diagnostics).toHaveLength(2);
    for (const [i, file] of ['test.py', 'test2.py'].entries()) {
      expect(diagnostics[i].locations).toEqual([{ file: 'databricks.yml', line: 6, column: 5 }]);
      expect(diagnostics[i].detail).toBe(
        `The file ${file} in the 'include' configuration section is not a YAML or JSON file, and only such files are supported. To include files to sync, specify them in the 'sync.include' configuration section instead.`,
      );
    }
  });

  it('stops at the text-mode summary and recognises the strict-mode trailer (reference §9 validate/strict)', () => {
    const stderr = [
      'Warning: invalid value "INVALID_TYPE" for enum field. Valid values are [complex]',
      '  at variables.my_variable.type',
      '  in databricks.yml:6:11',
      '',
      'Name: test-bundle',
      'Target: default',
      '',
      'Found 1 warning',
      'Error: 1 warning was found. Warnings are not allowed in strict mode',
    ].join('\n');
    const parsed = parseValidateStderr(stderr);
    expect(parsed.strictFailure).toBe(true);
    expect(parsed.diagnostics).toHaveLength(1);
    expect(parsed.diagnostics[0]).toMatchObject({ severity: 'warning', detail: undefined, locations: [{ file: 'databricks.yml', line: 6, column: 11 }] });
  });

  it('reads a Recommendation block like the other severities', () => {
    const [d] = parseValidateStderr('Recommendation: something could be better\n  at targets.prod\n  in databricks.yml:40:5\n\nbecause reasons\n').diagnostics;
    expect(d).toMatchObject({ severity: 'recommendation', summary: 'something could be better', paths: ['targets.prod'], detail: 'because reasons' });
  });

  it('finds the resource a config path names, and the subject a message is about', () => {
    expect(resourceAddress('resources.jobs.my_job.tasks[4].python_wheel_task')).toBe('jobs.my_job');
    expect(resourceAddress('resources.experiments.undefined-experiment')).toBe('experiments.undefined-experiment');
    expect(resourceAddress('variables.my_variable.type')).toBeUndefined();
    expect(messageSubjects('notebook "resources/this value is overridden" not found. Local notebook references are expected')).toEqual(['resources/this value is overridden']);
    expect(messageSubjects('file test1.py not found')).toEqual(['test1.py']);
    expect(messageSubjects('reference does not exist: ${var.hst}')).toEqual(['${var.hst}']);
    expect(messageSubjects('a*.txt: no matching files')).toEqual(['a*.txt']);
  });

  it('returns nothing (and never throws) on output that holds no diagnostic', () => {
    expect(parseValidateStderr('').diagnostics).toEqual([]);
    expect(parseValidateStderr('Name: x\nTarget: dev\n\nValidation OK!\n').diagnostics).toEqual([]);
    expect(parseValidateStderr('Error:\n  in :x:y\n').diagnostics).toHaveLength(0);
  });
});
