// Findings of enum-invalid, required-field-missing and path-outside-repository pinned whole
// (message, line, evidence, severity, impact, fix), each next to the cases it must not report.
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;
const at = (line: number, column: number, file = 'databricks.yml') => ({ file, line, column });

describe('enum-invalid', () => {
  it('a literal and a ${var...} value outside the enum, and an unknown target mode; valid, unresolved and variable-type values pass', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: e', 'variables:', '  lvl:', '    default: VIEW', '  t:', '    type: strin', '    default: x',
        'resources:',
        '  volumes:', '    v:', '      catalog_name: c', '      schema_name: s', '      name: v', '      volume_type: MANGED',
        '  jobs:', '    j:', '      name: j', '      permissions:',
        '        - level: ${var.lvl}', '          group_name: g',
        '        - level: CAN_VIEW', '          group_name: h',
        '        - level: ${var.undefined_one}', '          group_name: i',
        'targets:', '  dev:', '    default: true', '    mode: developement', '  prod:', '    mode: ${var.m}',
      ),
    });
    expect(repo.run('enum-invalid', 'dev')).toEqual([
      {
        check: 'enum-invalid',
        message: 'invalid value "MANGED" for enum field. Valid values are [EXTERNAL MANAGED] (at resources.volumes.v.volume_type)',
        loc: at(15, 20),
        resources: ['volumes.v'],
        evidence: 'volume_type: MANGED',
        impact: 'The API rejects the value when the bundle is deployed.',
        fix: { text: 'Set volume_type to one of EXTERNAL, MANAGED.' },
      },
      {
        check: 'enum-invalid',
        message: 'invalid value "VIEW" for enum field. Valid values are [CAN_MANAGE CAN_MANAGE_RUN CAN_VIEW IS_OWNER] (at resources.jobs.j.permissions[0].level), from ${var.lvl}',
        loc: at(20, 18),
        resources: ['jobs.j'],
        evidence: '- level: ${var.lvl}',
        impact: 'The API rejects the value when the bundle is deployed.',
        fix: { text: 'Set level to one of CAN_MANAGE, CAN_MANAGE_RUN, CAN_VIEW, IS_OWNER.' },
      },
      {
        check: 'enum-invalid',
        severity: 'critical',
        message: "unsupported value 'developement' specified for 'mode': must be either 'development' or 'production'",
        loc: at(29, 11),
        evidence: 'mode: developement',
        impact: '`bundle validate` and `bundle deploy` fail for target dev.',
        fix: { text: 'Set `mode: development` or `mode: production` (or remove it).' },
      },
    ]);
    expect(repo.run('enum-invalid', 'prod').map((f) => f.message.split(' (')[0])).toEqual([
      'invalid value "MANGED" for enum field. Valid values are [EXTERNAL MANAGED]',
      'invalid value "VIEW" for enum field. Valid values are [CAN_MANAGE CAN_MANAGE_RUN CAN_VIEW IS_OWNER]',
    ]);
  });
});

describe('required-field-missing', () => {
  it("the CLI's own errors (critical) and a schema-required field (the check default); fields reported elsewhere or taken from an alert file pass", () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: r', 'resources:',
        '  dashboards:', '    d:', '      display_name: ""', '      file_path: ./d.lvdash.json',
        '  sql_warehouses:', '    w:', '      name: "  "', '      cluster_size: Small',
        '  schemas:', '    s:', '      catalog_name: c', '      name: s', '      grants:', '        - principal: ""', '          privileges: []', '        - principal: p', '          privileges: [USE_SCHEMA]',
        '  secret_scopes:', '    sc:', '      name: sc', '      permissions:', '        - level: READ', '        - level: READ', '          group_name: g',
        '  model_serving_endpoints:', '    m:', '      name: m', '      config:', '        served_models:', '          - workload_size: Small',
        '  alerts:', '    a:', '      warehouse_id: w', '      file_path: ./a.dbalert.json',
        '  vector_search_endpoints:', '    vs:', '      name: vs',
      ),
      'd.lvdash.json': '{}',
      'a.dbalert.json': '{}',
    });
    const error = (message: string, line: number, column: number, address: string, evidence: string, fix: string) => ({
      check: 'required-field-missing',
      severity: 'critical',
      message,
      loc: at(line, column),
      resources: [address],
      evidence,
      impact: '`bundle validate` and `bundle deploy` fail for target default.',
      fix: { text: fix },
    });
    const dashboard = '  d:\n    display_name: ""\n    file_path: ./d.lvdash.json\nsql_warehouses:';
    const grant = 'grants:\n  - principal: ""\n    privileges: []\n  - principal: p';
    expect(repo.run('required-field-missing')).toEqual([
      error('dashboard display_name is required (resources.dashboards.d)', 6, 7, 'dashboards.d', dashboard, 'Set display_name.'),
      error('dashboard warehouse_id is required (resources.dashboards.d)', 6, 7, 'dashboards.d', dashboard, 'Set warehouse_id.'),
      error('sql_warehouse name is required (resources.sql_warehouses.w)', 10, 7, 'sql_warehouses.w', '  w:\n    name: "  "\n    cluster_size: Small\nschemas:', 'Set a name that is not blank.'),
      error('grant principal is required (resources.schemas.s.grants[0])', 17, 11, 'schemas.s', grant, 'Set the principal (a user, group or service principal).'),
      error('grant privileges is required (resources.schemas.s.grants[0])', 17, 11, 'schemas.s', grant, 'List at least one privilege.'),
      error('secret scope permission principal is required (resources.secret_scopes.sc.permissions[0])', 23, 7, 'secret_scopes.sc', 'sc:\n  name: sc\n  permissions:\n    - level: READ', 'Set one of user_name, group_name or service_principal_name.'),
      {
        check: 'required-field-missing',
        message: 'required field "endpoint_type" is not set (at resources.vector_search_endpoints.vs)',
        loc: at(40, 7),
        resources: ['vector_search_endpoints.vs'],
        evidence: 'vs:\n  name: vs\n',
        impact: '`bundle validate` warns; `bundle deploy` fails when the API rejects the object.',
        fix: { text: 'Set `endpoint_type` in resources.vector_search_endpoints.vs.' },
      },
    ]);
  });
});

describe('path-outside-repository', () => {
  const IMPACT = 'A CI checkout has no such files: what deploy uploads or builds there differs from the author’s machine, or fails.';
  const FIX = { text: 'Keep the files inside the repository and point at them with a path that stays inside it.' };

  it('in a git checkout: a sync path out of it is critical (the CLI refuses it); includes, libraries and artifacts are not read', () => {
    const repo = loadRepo(
      {
        'repo/b/databricks.yml': yaml(
          'bundle:', '  name: p', 'include:', '  - resources/*.yml', 'sync:', '  paths:', '    - .', '    - ../../outside', '  include:', '    - "../../x/*"', '    - inside/*',
          'resources:', '  jobs:', '    j:', '      tasks:', '        - task_key: a', '          libraries:', '            - whl: ../../dist/a.whl', '          spark_python_task:', '            python_file: ./inside/a.py',
          'artifacts:', '  w:', '    path: ../../pkg',
        ),
        'repo/b/resources/sync.yml': yaml('sync:', '  include:', '    - "../../../y/*"'),
        'repo/b/inside/a.py': '',
        'repo/.git/HEAD': 'ref: x\n',
      },
      { analyse: 'repo', bundleDir: 'b' },
    );
    expect(repo.run('path-outside-repository')).toEqual([
      {
        check: 'path-outside-repository',
        message: 'sync.paths entry `../../outside` points outside the git repository: not read; `databricks bundle validate` fails with "path ... is not within repository root ..."',
        loc: at(8, 7),
        evidence: '- ../../outside',
        impact: IMPACT,
        fix: FIX,
        severity: 'critical',
      },
      { check: 'path-outside-repository', message: 'sync.include entry `../../x/*` points outside the repository: not read', loc: at(10, 7), evidence: '- "../../x/*"', impact: IMPACT, fix: FIX },
      {
        check: 'path-outside-repository',
        message: 'sync.include entry `../../y/*` (relative to the bundle root) points outside the repository: not read',
        loc: at(3, 7, 'resources/sync.yml'),
        evidence: '- "../../../y/*"',
        impact: IMPACT,
        fix: FIX,
      },
      {
        check: 'path-outside-repository',
        message: 'resources.jobs.j.tasks[0].libraries[0].whl `../../dist/a.whl` points outside the repository: not read',
        loc: at(18, 20),
        evidence: '- whl: ../../dist/a.whl',
        impact: IMPACT,
        fix: FIX,
        resources: ['jobs.j'],
      },
      { check: 'path-outside-repository', message: 'artifacts.w.path `../../pkg` points outside the repository: not read', loc: at(23, 11), evidence: 'path: ../../pkg', impact: IMPACT, fix: FIX, resources: ['artifacts.w'] },
    ]);
  });

  it('not a git checkout: a sync path out of it has the check default severity', () => {
    const repo = loadRepo({ 'repo/b/databricks.yml': yaml('bundle:', '  name: p', 'sync:', '  paths:', '    - ../../outside', '    - ../inside') }, { analyse: 'repo', bundleDir: 'b' });
    expect(repo.run('path-outside-repository')).toEqual([
      { check: 'path-outside-repository', message: 'sync.paths entry `../../outside` points outside the repository: not read', loc: at(5, 7), evidence: '- ../../outside', impact: IMPACT, fix: FIX },
    ]);
  });
});
