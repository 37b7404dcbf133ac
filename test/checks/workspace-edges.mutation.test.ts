// Edges of required-field-missing (a warehouse without a name, a secret scope without permissions),
// script-invalid (a script without content at all) and variable-cycle (a cycle through a list).
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;
const lines = (rows: string[], check: string) => loadRepo({ 'databricks.yml': yaml(...rows) }).run(check).map((f) => `${f.loc?.line}: ${f.message}`);

describe('required-field-missing: bespoke errors', () => {
  it('a SQL warehouse without a name is an error; a secret scope without permissions has no principal to miss', () => {
    expect(
      lines(['bundle:', '  name: r', 'resources:', '  sql_warehouses:', '    w:', '      cluster_size: Small', '  secret_scopes:', '    s:', '      name: s'], 'required-field-missing').filter((l) => !l.includes('required field')),
    ).toEqual(['6: sql_warehouse name is required (resources.sql_warehouses.w)']);
  });
});

describe('script-invalid: content', () => {
  it('a script without a content key has no content (like content: "")', () => {
    expect(lines(['bundle:', '  name: s', 'scripts:', '  hello:', '    env:', '      A: x'], 'script-invalid')).toEqual(['4: Script hello has no content']);
  });

  it('an empty script (null) has no content; env entries are reported in name order', () => {
    expect(
      lines(['bundle:', '  name: s', 'scripts:', '  s:', '  t:', '    content: echo', '    env:', '      Z: ${resources.jobs.j.id}', '      A: ${resources.jobs.k.id}'], 'script-invalid'),
    ).toEqual([
      '4: Script s has no content',
      '9: ${resources.jobs.k.id} cannot be used in scripts.t.env.A; only ${bundle.*}, ${workspace.*}, and ${var.*} are resolved before scripts execute',
      '8: ${resources.jobs.j.id} cannot be used in scripts.t.env.Z; only ${bundle.*}, ${workspace.*}, and ${var.*} are resolved before scripts execute',
    ]);
  });
});

describe('variable-cycle: through a list', () => {
  it('a list default that references a variable referencing the list back: the too-deep warning', () => {
    expect(lines(['bundle:', '  name: c', 'variables:', '  a:', '    type: complex', '    default:', '      - ${var.b}', '  b:', '    default: ${var.a}'], 'variable-cycle')).toEqual([
      '7: Variables references are too deep, stopping resolution after 11 rounds. Unresolved variables may remain. (var.a, var.b reference each other in a cycle)',
    ]);
  });
});

describe('required-field-missing: alerts', () => {
  it('an alert without file_path misses the fields a .dbalert.json would give; with file_path only warehouse_id', () => {
    expect(
      lines(['bundle:', '  name: r', 'resources:', '  alerts:', '    inline:', '      warehouse_id: w', '    from_file:', '      file_path: ./a.dbalert.json'], 'required-field-missing'),
    ).toEqual([
      '6: required field "display_name" is not set (at resources.alerts.inline)',
      '6: required field "evaluation" is not set (at resources.alerts.inline)',
      '6: required field "query_text" is not set (at resources.alerts.inline)',
      '6: required field "schedule" is not set (at resources.alerts.inline)',
      '8: required field "warehouse_id" is not set (at resources.alerts.from_file)',
    ]);
  });
});

describe('required-field-missing: bespoke errors stay quiet when the field is there', () => {
  it('a complete dashboard, warehouse, grant and secret scope permissions (by user, group or service principal): no error; a job permission without principal is not a secret scope one', () => {
    expect(
      lines(
        [
          'bundle:', '  name: r', 'resources:',
          '  dashboards:', '    d:', '      display_name: D', '      warehouse_id: w',
          '  sql_warehouses:', '    w:', '      name: W',
          '  schemas:', '    s:', '      catalog_name: c', '      name: s', '      grants:', '        - principal: users', '          privileges: [USE_SCHEMA]',
          '  secret_scopes:', '    k:', '      name: k', '      permissions:', '        - level: READ', '          user_name: a@b.c', '        - level: READ', '          group_name: g', '        - level: READ', '          service_principal_name: sp',
          '  jobs:', '    j:', '      name: j', '      permissions:', '        - level: CAN_VIEW',
        ],
        'required-field-missing',
      ).filter((l) => !l.includes('required field')),
    ).toEqual([]);
  });
});

describe('variable-cycle: what counts as a reference to a variable', () => {
  it('a number, and ${bundle.name} in a variable called name, are no cycle; ${variables.b.value} is a reference to b', () => {
    expect(
      lines(
        ['bundle:', '  name: s', 'variables:', '  n:', '    default: 5', '  name:', '    default: ${bundle.name}', '  target:', '    default: x-${bundle.target}', '  a:', '    default: ${variables.b.value}', '  b:', '    default: ${var.a}'],
        'variable-cycle',
      ),
    ).toEqual(['11: cycle detected in field resolution: variables.a.default -> var.b -> var.a -> var.b']);
  });
});

describe('variable-cycle: a value with several references', () => {
  it('one reference into the cycle is enough', () => {
    expect(lines(['bundle:', '  name: s', 'variables:', '  a:', '    default: "${var.b} ${var.c}"', '  b:', '    default: ${var.a}', '  c:', '    default: x'], 'variable-cycle')).toEqual([
      '5: cycle detected in field resolution: variables.a.default -> var.b -> var.a -> var.b',
    ]);
  });
});

describe('volume-path-invalid: artifact_path', () => {
  it('an artifact_path outside /Volumes is not judged as a volume path; an empty catalog is no catalog', () => {
    const run = (value: string) => lines(['bundle:', '  name: v', 'workspace:', `  artifact_path: ${value}`], 'volume-path-invalid');
    expect([run('/Workspace/Shared/a'), run('/Volumes//s/v/x')]).toEqual([
      [],
      ['4: expected UC volume path to be in the format /Volumes/<catalog>/<schema>/<volume>/..., got /Volumes//s/v/x'],
    ]);
  });
});

describe('variable-cycle: several cycles and dead ends', () => {
  it('two separate cycles are two findings; a reference into a dead end before the one that closes the cycle still finds it', () => {
    expect(
      lines(
        ['bundle:', '  name: s', 'variables:', '  a:', '    default: "${var.c} ${var.b}"', '  c:', '    default: ${var.d}', '  d:', '    default: x', '  b:', '    default: ${var.a}', '  e:', '    default: ${var.f}', '  f:', '    default: ${var.e}'],
        'variable-cycle',
      ),
    ).toEqual([
      '5: cycle detected in field resolution: variables.a.default -> var.b -> var.a -> var.b',
      '13: cycle detected in field resolution: variables.e.default -> var.f -> var.e -> var.f',
    ]);
  });

  it('a cycle through a field of a complex variable is the too-deep warning even when the other variable is plain', () => {
    expect(
      lines(['bundle:', '  name: s', 'variables:', '  a:', '    default: ${var.b.x}', '  b:', '    type: complex', '    default:', '      x: ${var.a}'], 'variable-cycle').map((l) => l.split('. Unresolved')[0]),
    ).toEqual(['5: Variables references are too deep, stopping resolution after 11 rounds']);
  });
});
