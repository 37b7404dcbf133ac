// Includes outside the bundle that define nothing (lib/unmatched-includes.ts), seen through
// variable-required-unset: the root cause it names for a required variable without a value.
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;

/** The part of the finding for required variable x after its standard text, with its fix. */
function rootCause(include: string[], files: Record<string, string> = {}, bundleDir = 'b'): { note: string; fix: string } {
  const repo = loadRepo(
    { [`${bundleDir}/databricks.yml`]: yaml('bundle:', '  name: v', 'include:', ...include.map((i) => `  - ${i}`), 'variables:', '  x:', '    description: x'), ...files },
    { bundleDir },
  );
  const [finding, ...rest] = repo.run('variable-required-unset');
  expect(rest).toEqual([]);
  return { note: finding.message.split('variable-overrides.json')[1], fix: finding.fix!.text.split('. Otherwise')[0] };
}

describe('unmatched-includes', () => {
  it('an include that matches only files that are no configuration is unmatched; a JSON file is a match', () => {
    expect(rootCause(['../shared/*'], { 'shared/README.md': 'x\n' }).note).toBe('; no file matches include `../shared/*` (databricks.yml:4), which may be meant to define it');
    expect(rootCause(['../shared/*'], { 'shared/vars.json': '{}\n' }).note).toBe('');
  });

  it('an include that leads outside the repository is named as such', () => {
    expect(rootCause(['../../elsewhere/vars.yml'])).toEqual({
      note: '; include `../../elsewhere/vars.yml` (databricks.yml:4) leads outside the repository and is not read, which may be meant to define it',
      fix: 'Make include `../../elsewhere/vars.yml` (databricks.yml:4) match the file meant to define it (include paths are relative to the bundle root, and the file must exist in every checkout, CI included)',
    });
  });

  it('two of each kind: both lists, joined', () => {
    const include = ['../a.yml', '../../out1.yml', '../b.yml', '../../out2.yml'];
    expect(rootCause(include).note).toBe(
      '; no file matches include `../a.yml` (databricks.yml:4), `../b.yml` (databricks.yml:6), and include `../../out1.yml` (databricks.yml:5), `../../out2.yml` (databricks.yml:7) leads outside the repository and is not read: one of them may be meant to define it',
    );
  });

  it('only the entry at the line of the notice leads outside the repository', () => {
    expect(rootCause(['../../out.yml', '../missing.yml']).note).toBe(
      '; no file matches include `../missing.yml` (databricks.yml:5), and include `../../out.yml` (databricks.yml:4) leads outside the repository and is not read: one of them may be meant to define it',
    );
  });

  it('an include inside the bundle that matches nothing is not named; one written ./../ is', () => {
    expect(rootCause(['missing/*.yml']).note).toBe('');
    expect(rootCause(['./../a.yml']).note).toBe('; no file matches include `./../a.yml` (databricks.yml:4), which may be meant to define it');
  });

  it('a .yml match counts; a file that only contains .yml in its name does not', () => {
    expect(rootCause(['../shared/*'], { 'shared/vars.yml': 'variables: {}\n' }).note).toBe('');
    expect(rootCause(['../shared/*'], { 'shared/vars.yml.bak': 'x\n' }).note).toBe('; no file matches include `../shared/*` (databricks.yml:4), which may be meant to define it');
  });

  it('two includes that match nothing, none outside: one list in the note, both in the fix', () => {
    expect(rootCause(['../a.yml', '../b.yml'])).toEqual({
      note: '; no file matches include `../a.yml` (databricks.yml:4), `../b.yml` (databricks.yml:5): one of them may be meant to define it',
      fix: 'Make include `../a.yml` (databricks.yml:4), `../b.yml` (databricks.yml:5) match the file meant to define it (include paths are relative to the bundle root, and the file must exist in every checkout, CI included)',
    });
  });

  it('an entry written with spaces around it inside its quotes is named without them', () => {
    expect(rootCause(['" ../shared/vars.yml "']).note).toBe('; no file matches include `../shared/vars.yml` (databricks.yml:4), which may be meant to define it');
  });
});
