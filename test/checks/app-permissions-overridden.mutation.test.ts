// app-permissions-overridden: the edges of what counts as "a resource the app uses" (apps without
// resources, non-string values, references outside resources.*, other apps) and of what counts as
// "the app is granted" (one permission among several).
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;
const GRANT = '${resources.apps.app.service_principal_client_id}';

const repoWith = (appResources: string[], more: string[] = []) =>
  loadRepo({
    'databricks.yml': yaml(
      'bundle:', '  name: a', 'variables:', '  jobs:', '    type: complex', '    default:', '      j: 1',
      'resources:', '  apps:', '    app:', '      name: app', '      source_code_path: ./app', ...appResources,
      ...more,
      '  jobs:', '    j:', '      name: j', '      permissions:', '        - level: CAN_VIEW', '          group_name: users',
    ),
    'app/app.py': '',
  });

describe('app-permissions-overridden: what counts as a used resource', () => {
  it('no finding for an app without resources, next to one that has them', () => {
    const repo = repoWith([], ['    other:', '      name: other', '      source_code_path: ./app', '      resources:', '        - name: job', '          job:', '            id: ${resources.jobs.j.id}']);
    expect(repo.run('app-permissions-overridden').map((f) => f.resources)).toEqual([['apps.other', 'jobs.j']]);
  });

  it('a number among the app resources is skipped; the reference next to it is still reported', () => {
    const repo = repoWith(['      resources:', '        - name: literal', '          job:', '            id: 123', '        - name: job', '          job:', '            id: ${resources.jobs.j.id}']);
    expect(repo.run('app-permissions-overridden').map((f) => [f.loc, f.resources, f.evidence])).toEqual([
      [{ file: 'databricks.yml', line: 11, column: 7 }, ['apps.app', 'jobs.j'], 'id: ${resources.jobs.j.id}'],
    ]);
  });

  it('a reference outside resources.* (a complex variable whose path looks like jobs.j) is no resource use', () => {
    const repo = repoWith(['      resources:', '        - name: job', '          job:', '            id: ${var.jobs.j}']);
    expect(repo.run('app-permissions-overridden')).toEqual([]);
  });

  it('another app the app uses is not reported, even when that app sets permissions', () => {
    const repo = repoWith(
      ['      resources:', '        - name: peer', '          app:', '            name: ${resources.apps.peer.name}'],
      ['    peer:', '      name: peer', '      source_code_path: ./app', '      permissions:', '        - level: CAN_USE', '          group_name: users'],
    );
    expect(repo.run('app-permissions-overridden')).toEqual([]);
  });

  it('the same resource used twice is reported once', () => {
    const repo = repoWith(['      resources:', '        - name: a', '          job:', '            id: ${resources.jobs.j.id}', '        - name: b', '          job:', '            id: ${resources.jobs.j.id}']);
    expect(repo.run('app-permissions-overridden')).toHaveLength(1);
  });
});

describe('app-permissions-overridden: what counts as the app being granted', () => {
  it('one permission entry for the app among others is enough: no finding', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: a', 'resources:', '  apps:', '    app:', '      name: app', '      source_code_path: ./app',
        '      resources:', '        - name: job', '          job:', '            id: ${resources.jobs.j.id}',
        '  jobs:', '    j:', '      name: j', '      permissions:', '        - level: CAN_VIEW', '          group_name: users',
        '        - level: CAN_MANAGE_RUN', `          service_principal_name: ${GRANT}`,
      ),
      'app/app.py': '',
    });
    expect(repo.run('app-permissions-overridden')).toEqual([]);
  });
});
