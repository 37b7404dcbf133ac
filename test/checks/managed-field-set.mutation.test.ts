// managed-field-set: the rules the first test leaves out (a job's version_id, a pipeline's
// deployment_id, a Genie space without a title) and a managed field that holds no string.
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;
const MANAGED = 'must not be set in bundle configuration; it is managed by Declarative Automation Bundles';

describe('managed-field-set', () => {
  it("a job's version_id, a pipeline's deployment_id and an untitled Genie space's etag, each in its own words", () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: m', 'resources:',
        '  jobs:', '    j:', '      name: j', '      deployment:', '        version_id: v7',
        '  pipelines:', '    p:', '      name: p', '      deployment:', '        deployment_id: d1',
        '  genie_spaces:', '    g:', '      warehouse_id: w', '      etag: "1"',
      ),
    });
    expect(repo.run('managed-field-set').map((f) => `${f.loc?.line}: ${f.message}`)).toEqual([
      `8: version_id ${MANAGED} (resources.jobs.j.deployment.version_id)`,
      `13: deployment_id ${MANAGED} (resources.pipelines.p.deployment.deployment_id)`,
      '16: genie space "" has an etag set. Etags must not be set in bundle configuration (resources.genie_spaces.g.etag)',
    ]);
  });

  it('a managed field holding a mapping or a list is no value the CLI reads: no finding (value-type-invalid reports the shape)', () => {
    const repo = loadRepo({
      'databricks.yml': yaml('bundle:', '  name: m', 'resources:', '  jobs:', '    j:', '      name: j', '      deployment:', '        deployment_id: {a: 1}', '        version_id: [v1]'),
    });
    expect(repo.run('managed-field-set')).toEqual([]);
  });
});
