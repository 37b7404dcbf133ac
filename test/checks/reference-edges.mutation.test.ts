// resource-reference-invalid: two close names are both offered; terraform-only-reference reads
// only ${resources...} references.
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

describe('terraform-only-reference: only ${resources...}', () => {
  it('a complex variable path that looks like jobs.x.url is no resource field', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: t', '  engine: direct', 'variables:', '  jobs:', '    type: complex', '    default:', '      x:', '        url: u',
        'resources:', '  jobs:', '    x:', '      name: x', '    y:', '      name: y', '      description: "${var.jobs.x.url} ${resources.jobs.x.url}"',
      ),
    });
    expect(repo.run('terraform-only-reference').map((f) => f.message)).toEqual([
      '"resources.jobs.x.url": Terraform-only field; cross-resource references to Terraform-only fields are not supported by the direct engine',
    ]);
  });
});

describe('terraform-only-reference: once per line', () => {
  it('the same reference twice on one line is one finding', () => {
    const repo = loadRepo({
      'databricks.yml': yaml('bundle:', '  name: t', '  engine: direct', 'resources:', '  jobs:', '    x:', '      name: x', '    y:', '      name: y', '      description: "${resources.jobs.x.url} ${resources.jobs.x.url}"'),
    });
    expect(repo.run('terraform-only-reference')).toHaveLength(1);
  });
});
