// Where the repository's CI supplies bundle variables (lib/ci-variables.ts), seen through
// variable-required-unset: a required variable the CI passes is info citing the CI line, any other
// is the CLI's error. CI files in the bundle's folder and the folders above it, up to six.
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;
const BUNDLE = yaml('bundle:', '  name: v', 'variables:', '  token:', '    description: t');

/** Where the CI supplies `token` (the cited `file:line: text`), or 'unset' when the finding is the CLI error. */
function supply(files: Record<string, string>, bundleDir = '.'): string {
  const at = bundleDir === '.' ? '' : `${bundleDir}/`;
  const [finding, ...rest] = loadRepo({ [`${at}databricks.yml`]: BUNDLE, ...files }, { bundleDir }).run('variable-required-unset');
  expect(rest).toEqual([]);
  const m = /the repository's CI supplies it \((.*)\)$/.exec(finding.message);
  return m ? m[1] : 'unset';
}

describe('ci-variables: the CI files read', () => {
  it.each([
    ['azure-pipelines.yml', 'azure-pipelines.yml:2: script: databricks bundle deploy --var token=$(T)'],
    ['azure-pipelines.yaml', 'azure-pipelines.yaml:2: script: databricks bundle deploy --var token=$(T)'],
    ['.gitlab-ci.yml', '.gitlab-ci.yml:2: script: databricks bundle deploy --var token=$(T)'],
    ['Makefile', 'Makefile:2: script: databricks bundle deploy --var token=$(T)'],
  ])('%s in the bundle folder', (file, expected) => {
    expect(supply({ [file]: 'deploy:\n  script: databricks bundle deploy --var token=$(T)\n' })).toBe(expected);
  });

  it('a BUNDLE_VAR_ environment variable in a workflow', () => {
    expect(supply({ '.github/workflows/d.yaml': 'env:\n  BUNDLE_VAR_token: ${{ secrets.T }}\n' })).toBe('.github/workflows/d.yaml:2: BUNDLE_VAR_token: ${{ secrets.T }}');
  });

  it('a file of another name, a non-YAML file or a subfolder of .github/workflows is no CI file', () => {
    const line = 'run: databricks bundle deploy --var token=x\n';
    expect(supply({ 'deploy.yml': line, '.github/workflows/README.md': line, '.github/workflows/old/d.yml': line, '.github/workflows.yml': line })).toBe('unset');
  });

  it('an indented comment does not supply; a trailing comment after code does', () => {
    expect(supply({ Makefile: 'deploy:\n\t# databricks bundle deploy --var token=x\n' })).toBe('unset');
    expect(supply({ Makefile: 'deploy:\n\tdatabricks bundle deploy # --var token=x\n' })).toBe('Makefile:2: databricks bundle deploy # --var token=x');
  });

  it('the first place wins: the bundle folder before the folders above, the first line of a file', () => {
    const files = {
      'a/Makefile': 'deploy:\n\tdatabricks bundle deploy --var token=inner\n\tdatabricks bundle deploy --var token=again\n',
      'Makefile': 'deploy:\n\tdatabricks bundle deploy --var token=outer\n',
    };
    expect(supply(files, 'a')).toBe('Makefile:2: databricks bundle deploy --var token=inner');
  });
});

describe('ci-variables: the folders above the bundle', () => {
  it('a workflow at the repository root, one folder up', () => {
    expect(supply({ '.github/workflows/d.yml': 'run: databricks bundle deploy --var token=x\n' }, 'b')).toBe('../.github/workflows/d.yml:1: run: databricks bundle deploy --var token=x');
  });

  it('CI files two and three folders up', () => {
    expect(supply({ 'Makefile': 'deploy:\n\tdatabricks bundle deploy --var token=x\n' }, 'a/b')).toBe('../../Makefile:2: databricks bundle deploy --var token=x');
    expect(supply({ '.gitlab-ci.yml': 'x: BUNDLE_VAR_token\n' }, 'a/b/c')).toBe('../../../.gitlab-ci.yml:1: x: BUNDLE_VAR_token');
  });

  it('six folders up is searched, seven is not', () => {
    const files = { '.github/workflows/d.yml': 'run: databricks bundle deploy --var token=x\n' };
    expect(supply(files, '1/2/3/4/5/6')).toBe('../../../../../../.github/workflows/d.yml:1: run: databricks bundle deploy --var token=x');
    expect(supply(files, '1/2/3/4/5/6/7')).toBe('unset');
  });

  it('a folder beside the bundle is not searched', () => {
    expect(supply({ 'other/Makefile': 'deploy:\n\tdatabricks bundle deploy --var token=x\n' }, 'b')).toBe('unset');
  });
});
