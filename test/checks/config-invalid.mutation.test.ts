// config-invalid: only the bundle's own .databricks/bundle/ folder (variable-overrides.json) is left
// to variable-file-invalid; an included file in a nested .databricks/bundle/ folder is configuration.
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

describe('config-invalid: nested .databricks/bundle/', () => {
  it('YAML that does not parse in an included conf/.databricks/bundle/ file is reported at its line', () => {
    const repo = loadRepo({
      'databricks.yml': 'bundle:\n  name: p\ninclude:\n  - conf/.databricks/bundle/a.yml\n',
      'conf/.databricks/bundle/a.yml': 'resources: [\n',
    });
    expect(repo.run('config-invalid').map((f) => [f.loc, f.message])).toEqual([
      [{ file: 'conf/.databricks/bundle/a.yml', line: 2, column: 1 }, 'conf/.databricks/bundle/a.yml: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ]);
  });
});
