// enum-invalid: a target mode that is no string (empty, a list) is no enum value to judge.
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;

describe('enum-invalid: target mode', () => {
  it('an empty mode and a list as mode get no enum finding; a misspelt one does', () => {
    const repo = loadRepo({
      'databricks.yml': yaml('bundle:', '  name: e', 'targets:', '  empty:', '    default: true', '    mode:', '  list:', '    mode: [development]', '  typo:', '    mode: prod'),
    });
    expect(['empty', 'list', 'typo'].map((t) => repo.run('enum-invalid', t).map((f) => `${f.loc?.line}: ${f.message}`))).toEqual([
      [],
      [],
      ["10: unsupported value 'prod' specified for 'mode': must be either 'development' or 'production'"],
    ]);
  });
});
