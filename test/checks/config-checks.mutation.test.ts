// Each finding these configuration checks produce, pinned whole (message, line, evidence, impact, fix),
// with the neighbouring case each must not report: what a user reads, so a changed word fails a test.
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;
const at = (file: string, line: number, column: number) => ({ file, line, column });

describe('engine-invalid', () => {
  const engine = (value: string, extra: string[] = []) => loadRepo({ 'databricks.yml': yaml('bundle:', '  name: e', `  engine: ${value}`, ...extra) }).run('engine-invalid');

  it('reports an engine that is neither terraform nor direct, critical (the check default), with the fix', () => {
    expect(engine('pulumi')).toEqual([
      {
        check: 'engine-invalid',
        loc: at('databricks.yml', 3, 11),
        evidence: 'engine: pulumi',
        message: 'invalid value "pulumi" for bundle.engine (expected "terraform" or "direct")',
        impact: '`bundle validate` and `bundle deploy` fail for target default.',
        fix: { text: 'Set bundle.engine to direct (or remove it).' },
      },
    ]);
  });

  it('reports terraform as deprecated, medium', () => {
    expect(engine('terraform')).toEqual([
      {
        check: 'engine-invalid',
        loc: at('databricks.yml', 3, 11),
        evidence: 'engine: terraform',
        severity: 'medium',
        message: 'the terraform deployment engine is deprecated and will stop working in a future version of the CLI',
        impact: 'A future CLI version will not deploy this bundle until it is migrated.',
        fix: { text: 'Migrate to the direct engine: see https://docs.databricks.com/aws/en/dev-tools/bundles/direct.' },
      },
    ]);
  });

  it('no finding for direct, an empty value or a ${...} reference', () => {
    expect(engine('direct')).toEqual([]);
    expect(engine('""')).toEqual([]);
    expect(engine('${var.e}', ['variables:', '  e:', '    default: pulumi'])).toEqual([]);
  });
});

describe('include-non-yaml', () => {
  it('reports the one non-YAML file a glob matches ("is", the file named in the fix); .JSON and .YAML pass', () => {
    const repo = loadRepo({
      'databricks.yml': yaml('bundle:', '  name: n', 'include:', '  - "conf/*"'),
      'conf/a.yml': 'resources: {}\n',
      'conf/b.JSON': '{}',
      'conf/c.YAML': 'resources: {}\n',
      'conf/notes.txt': 'x',
    });
    expect(repo.run('include-non-yaml')).toEqual([
      {
        check: 'include-non-yaml',
        message: "Files in the 'include' configuration section must be YAML or JSON files. conf/notes.txt (matched by \"conf/*\") is not",
        loc: at('databricks.yml', 4, 5),
        evidence: '- "conf/*"',
        impact: '`bundle validate` and `bundle deploy` fail.',
        fix: { text: 'Narrow "conf/*" to YAML files (e.g. "*.yml"); to upload conf/notes.txt with the bundle, use `sync.include`.' },
      },
    ]);
  });

  it('lists three files and counts the rest ("are", "those files"); an empty entry is skipped', () => {
    const repo = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: n', 'include:', '  - ""', '  - "*.py"'), 'a.py': '', 'b.py': '', 'c.py': '', 'd.py': '' });
    expect(repo.run('include-non-yaml')).toEqual([
      {
        check: 'include-non-yaml',
        message: "Files in the 'include' configuration section must be YAML or JSON files. a.py, b.py, c.py and 1 more (matched by \"*.py\") are not",
        loc: at('databricks.yml', 5, 5),
        evidence: '- "*.py"',
        impact: '`bundle validate` and `bundle deploy` fail.',
        fix: { text: 'Narrow "*.py" to YAML files (e.g. "*.yml"); to upload those files with the bundle, use `sync.include`.' },
      },
    ]);
  });

  it('three files are listed without "more"', () => {
    const repo = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: n', 'include:', '  - "*.py"'), 'a.py': '', 'b.py': '', 'c.py': '' });
    expect(repo.run('include-non-yaml').map((f) => f.message)).toEqual([
      "Files in the 'include' configuration section must be YAML or JSON files. a.py, b.py, c.py (matched by \"*.py\") are not",
    ]);
  });
});

describe('include-outside-root', () => {
  it('reports every included file with its own include:, sorted by file, never the root file', () => {
    const repo = loadRepo({
      'databricks.yml': yaml('bundle:', '  name: o', 'include:', '  - z.yml', '  - a.yml', '  - m.yml'),
      'z.yml': yaml('include:', '  - q.yml'),
      'a.yml': yaml('include:', '  - r.yml'),
      'm.yml': yaml('resources: {}'),
    });
    const finding = (file: string, entry: string) => ({
      check: 'include-outside-root',
      message: `Include section is defined outside root file: ${file}. Only includes defined in databricks.yml are applied.`,
      loc: at(file, 2, 3),
      evidence: `include:\n  - ${entry}\n`,
      impact: 'The files listed there are not loaded: their resources are silently missing from the deployment.',
      fix: { text: 'Move these entries to the `include:` section of databricks.yml (paths relative to the bundle root).' },
    });
    expect(repo.run('include-outside-root')).toEqual([finding('a.yml', 'r.yml'), finding('z.yml', 'q.yml')]);
  });
});

describe('variable-type-invalid', () => {
  it('reports a type other than complex; complex, an empty type and no type pass', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: v', 'variables:',
        '  a:', '    type: string', '    default: x',
        '  b:', '    type: complex', '    default: {k: v}',
        '  c:', '    type: ""', '    default: y',
        '  d:', '    default: z',
      ),
    });
    expect(repo.run('variable-type-invalid')).toEqual([
      {
        check: 'variable-type-invalid',
        message: 'invalid value "string" for enum field. Valid values are [complex] (at variables.a.type)',
        loc: at('databricks.yml', 5, 11),
        evidence: 'type: string',
        impact: '`bundle validate --strict` fails; the type is ignored otherwise.',
        fix: { text: 'Remove `type: string` from variable a (only `complex` is a valid type).' },
      },
    ]);
  });
});

describe('bundle-name-interpolation', () => {
  it('reports a bundle name with ${...}, quoting it', () => {
    const repo = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: app-${var.env}', 'variables:', '  env:', '    default: dev') });
    expect(repo.run('bundle-name-interpolation')).toEqual([
      {
        check: 'bundle-name-interpolation',
        message: 'Please do not use variable interpolation in the name of your bundle. The name of your bundle is "app-${var.env}"',
        loc: at('databricks.yml', 2, 9),
        evidence: 'name: app-${var.env}',
        impact: 'A name that varies deploys separate copies of the bundle and orphans earlier ones.',
        fix: { text: 'Write a literal bundle.name.' },
      },
    ]);
  });
});

describe('root-path-glob-chars', () => {
  it('names the folder and the character, and the fix names the folder without "(relative to the repository)"', () => {
    const repo = loadRepo({ 'x[1]/databricks.yml': yaml('bundle:', '  name: g') }, { bundleDir: 'x[1]' });
    expect(repo.run('root-path-glob-chars')).toEqual([
      {
        check: 'root-path-glob-chars',
        message: 'Bundle root path contains glob pattern characters: the bundle folder x[1] (relative to the repository) (character "[")',
        loc: at('databricks.yml', 1, 1),
        impact: 'Every bundle command fails before the configuration is read.',
        fix: { text: "Rename the bundle folder x[1] so that the bundle's path has none of * ? [ ] ^ (or check the repository out under a plain path)." },
      },
    ]);
  });
});

describe('include-non-yaml and include-outside-root: edges', () => {
  it('a file that only contains .yml in its name is not YAML', () => {
    const repo = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: n', 'include:', '  - "conf/*"'), 'conf/a.yml.txt': 'x', 'conf/b.yml': 'resources: {}\n' });
    expect(repo.run('include-non-yaml').map((f) => f.message)).toEqual([
      "Files in the 'include' configuration section must be YAML or JSON files. conf/a.yml.txt (matched by \"conf/*\") is not",
    ]);
  });

  it('files with their own include: are reported in path order, whatever the include order', () => {
    const repo = loadRepo({
      'databricks.yml': yaml('bundle:', '  name: o', 'include:', '  - c.yml', '  - a.yml', '  - b.yml'),
      'c.yml': yaml('include:', '  - x.yml'),
      'a.yml': yaml('include:', '  - x.yml'),
      'b.yml': yaml('include:', '  - x.yml'),
    });
    expect(repo.run('include-outside-root').map((f) => f.loc?.file)).toEqual(['a.yml', 'b.yml', 'c.yml']);
  });
});

describe('variable-type-invalid: no value', () => {
  it('an empty type: (null) or a mapping is not reported here (null-value and value-type-invalid say why)', () => {
    const repo = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: v', 'variables:', '  a:', '    type:', '    default: x', '  b:', '    type: {x: 1}', '    default: y') });
    expect(repo.run('variable-type-invalid')).toEqual([]);
  });
});
