import { describe, expect, it } from 'vitest';
import type { MapNode, Node } from '../../src/model.js';
import { walkStringScalarsContaining } from '../../src/checks/lib/nodes.js';
import { referenceScalars } from '../../src/checks/lib/references.js';
import { parseConfigText } from '../../src/project/yaml.js';

const CONFIG = `resources:
  jobs:
    a:
      name: a \${bundle.target}
      tasks:
        - task_key: t
          notebook_task: {notebook_path: ./nb.py, base_parameters: {x: "\${var.x}"}}
        - task_key: u
          depends_on: [{task_key: t}]
    b: {name: "\${resources.jobs.a.name}"}
  pipelines: [odd, {name: p}]
  schemas: plain
`;

function root(): MapNode {
  const { file } = parseConfigText('databricks.yml', CONFIG);
  return file.root as MapNode;
}

describe('memoised config walks', () => {
  it('referenceScalars lists the ${ scalars walkStringScalarsContaining visits, in order, once per node and path', () => {
    const resources = root().entries.get('resources') as Node;
    const expected: string[] = [];
    walkStringScalarsContaining(resources, 'resources', '${', (_n, text, path) => expected.push(`${path}=${text}`));
    const listed = referenceScalars(resources, 'resources');
    expect(listed.map((s) => `${s.path}=${s.text}`)).toEqual(expected);
    expect(expected).toContain('resources.jobs.a.tasks[0].notebook_task.base_parameters.x=${var.x}');
    expect(referenceScalars(resources, 'resources')).toBe(listed);
    expect(referenceScalars(resources, 'other')).not.toBe(listed);
    // A second path for the same node is computed once too, with the same scalars under its own paths.
    const other = referenceScalars(resources, 'other');
    expect(other.map((s) => s.path)).toEqual(listed.map((s) => s.path.replace(/^resources/, 'other')));
    expect(referenceScalars(resources, 'other')).toBe(other);
  });
});
