// lifecycle-invalid: the edges of each rule (a terraform pipeline without cascade_on_destroy, a
// lifecycle without triggers, prevent_destroy without an on_bundle_deploy trigger and the other way round).
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;
const messages = (rows: string[]) => loadRepo({ 'databricks.yml': yaml(...rows) }).run('lifecycle-invalid').map((f) => `${f.loc?.line}: ${f.message} [${f.resources}]`);

describe('lifecycle-invalid', () => {
  it('terraform engine: a pipeline without cascade_on_destroy and a resource without lifecycle pass', () => {
    expect(messages(['bundle:', '  name: l', '  engine: terraform', 'resources:', '  pipelines:', '    p:', '      name: p', '  jobs:', '    j:', '      name: j'])).toEqual([]);
  });

  it('job runs: prevent_destroy with only a true trigger is reported; without prevent_destroy, without triggers, or with only a false trigger only the false trigger is', () => {
    expect(
      messages([
        'bundle:', '  name: r', 'resources:', '  job_runs:',
        '    only_true:', '      job_id: 1', '      lifecycle:', '        prevent_destroy: true', '        triggers:', '          - {}', '          - on_bundle_deploy: true',
        '    no_prevent:', '      job_id: 2', '      lifecycle:', '        triggers:', '          - on_bundle_deploy: true',
        '    no_triggers:', '      job_id: 3', '      lifecycle:', '        prevent_destroy: true',
        '    only_false:', '      job_id: 4', '      lifecycle:', '        prevent_destroy: true', '        triggers:', '          - on_bundle_deploy: false',
      ]),
    ).toEqual([
      '8: lifecycle.triggers.on_bundle_deploy is incompatible with lifecycle.prevent_destroy [job_runs.only_true]',
      '10: lifecycle.triggers entry must set on_bundle_deploy: true [job_runs.only_true]',
      '26: lifecycle.triggers.on_bundle_deploy must be true when set [job_runs.only_false]',
    ]);
  });
});
