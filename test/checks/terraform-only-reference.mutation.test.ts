// terraform-only-reference: an index after the field (`url[12]`) still names the Terraform-only field.
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;

describe('terraform-only-reference: an indexed field', () => {
  it('reports ${resources.jobs.x.url[12]} as the Terraform-only url, with the reference as written', () => {
    const repo = loadRepo({
      'databricks.yml': yaml('bundle:', '  name: t', '  engine: direct', 'resources:', '  jobs:', '    x:', '      name: x', '    y:', '      name: y', '      description: "${resources.jobs.x.url[12]}"'),
    });
    expect(repo.run('terraform-only-reference').map((f) => [f.loc?.line, f.message, f.fix?.text])).toEqual([
      [
        10,
        '"resources.jobs.x.url[12]": Terraform-only field; cross-resource references to Terraform-only fields are not supported by the direct engine',
        'Reference a field of the jobs configuration instead of url[12].',
      ],
    ]);
  });
});
