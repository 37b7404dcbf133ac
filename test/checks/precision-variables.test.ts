// Issue 11 items 4 (CI-supplied variables, cli-init-missing per target) and 5 (the root cause of
// unset variables when an include outside the bundle matches nothing).
import { describe, expect, test } from 'vitest';
import { at, findingsOf, inRepository, only } from './precision-helpers.js';

describe('variable-required-unset: variables the repository CI supplies', () => {
  test('info, citing the CI file and line, for --var and BUNDLE_VAR_ in workflows, Azure, GitLab and a Makefile', () => {
    const findings = only(findingsOf(inRepository('ci-variables'), 'bundle'), 'variable-required-unset');
    const byName = new Map(findings.map((f) => [/variable (\S+?)[. ]/.exec(f.message)![1], f]));
    expect([...byName.keys()].sort()).toEqual(['alert_email', 'catalog', 'owner', 'region', 'secret_scope', 'warehouse_id']);
    const cited = (name: string) => /CI supplies it \(([^:]+:\d+):/.exec(byName.get(name)!.message)?.[1];
    expect(cited('catalog')).toBe('../.github/workflows/deploy.yml:12');
    expect(cited('warehouse_id')).toBe('../.github/workflows/deploy.yml:12');
    expect(cited('owner')).toBe('../azure-pipelines.yml:6');
    expect(cited('region')).toBe('../.gitlab-ci.yml:3');
    expect(cited('alert_email')).toBe('../Makefile:2');
    for (const name of ['catalog', 'warehouse_id', 'owner', 'region', 'alert_email']) {
      expect(byName.get(name), name).toMatchObject({ severity: 'info', breaksDeploy: false });
    }
    expect(byName.get('catalog')!.message).toBe(
      "required variable catalog has no value in the bundle; the repository's CI supplies it " +
        '(../.github/workflows/deploy.yml:12: - run: databricks bundle deploy -t prod --var catalog=${{ vars.CATALOG }} --var="warehouse_id=${{ vars.WAREHOUSE_ID }}")',
    );
    // Nobody supplies secret_scope (the comment line naming `catalog` does not count either): still critical.
    expect(byName.get('secret_scope')!.severity).toBe('critical');
    expect(byName.get('secret_scope')!.message).toMatch(/^no value assigned to required variable secret_scope\./);
  });
});

describe('unset variables name the include outside the bundle that matches nothing', () => {
  const findings = () => findingsOf(inRepository('include-root-cause'), 'projects/sales');

  test('variable-required-unset and undefined-variable say so and point the fix at the include line', () => {
    const all = findings();
    const unset = only(all, 'variable-required-unset');
    expect(unset.map(at)).toEqual(['databricks.yml:12']);
    expect(unset[0].message).toContain('no file matches include `../../.targets/*.y*ml` (databricks.yml:8), which may be meant to define it');
    expect(unset[0].fix!.text).toMatch(/^Make include `\.\.\/\.\.\/\.targets\/\*\.y\*ml` \(databricks\.yml:8\)/);
    const undefinedVar = only(all, 'undefined-variable');
    expect(undefinedVar.map(at)).toEqual(['resources/job.yml:4']);
    expect(undefinedVar[0].message).toMatch(/^reference does not exist: \$\{var\.environment_name\}; no file matches include `\.\.\/\.\.\/\.targets\/\*\.y\*ml` \(databricks\.yml:8\)/);
    expect(undefinedVar[0].fix!.text).toContain('databricks.yml:8');
  });

  test('bad input: an include that escapes the repository is named, once, and nothing crashes', () => {
    const all = findingsOf(inRepository('include-escapes-repository'));
    expect(all.filter((f) => f.check === 'internal-error')).toEqual([]);
    const unset = only(all, 'variable-required-unset');
    expect(unset).toHaveLength(1);
    expect(unset[0].message).toContain(
      'include `../../../../../../../../../../shared/targets/*.yml` (databricks.yml:8) leads outside the repository and is not read, which may be meant to define it',
    );
    // One finding per problem: each (check, place) once.
    const keys = all.map((f) => `${f.check}@${at(f)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('without such an include the CLI wording stands', () => {
    const all = findingsOf(inRepository('ci-variables'), 'bundle');
    const scope = only(all, 'variable-required-unset').find((f) => f.message.includes('secret_scope'))!;
    expect(scope.message).toBe(
      'no value assigned to required variable secret_scope. Variables are usually assigned in databricks.yml, and they can be overridden using "--var", the BUNDLE_VAR_secret_scope environment variable, or .databricks/bundle/<target>/variable-overrides.json',
    );
  });
});
