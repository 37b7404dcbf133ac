// resource-reference-invalid: two close names are both offered.
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;

describe('resource-reference-invalid: suggestions', () => {
  it('two close keys are both offered, joined with "or"', () => {
    const repo = loadRepo({
      'databricks.yml': yaml('bundle:', '  name: r', 'resources:', '  jobs:', '    etl1:', '      name: a', '    etl2:', '      name: ${resources.jobs.etl.name}'),
    });
    expect(repo.run('resource-reference-invalid').map((f) => f.fix?.text)).toEqual(['Did you mean resources.jobs.etl1 or resources.jobs.etl2?']);
  });
});
