import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverBundleRoots, TEMPLATE_NOTICE } from '../../src/project/discover.js';
import { loadProject } from '../../src/project/load.js';
import { writeRepo } from './loader-helpers.js';

const bundle = (name: string) => `bundle:\n  name: ${name}\n`;

describe('bundle root discovery', () => {
  it('finds every root below the path, nested roots are separate bundles, skipping node_modules/.git/.databricks', () => {
    const repo = writeRepo({
      'databricks.yml': bundle('top'),
      'svc/a/databricks.yaml': bundle('a'),
      'svc/b/bundle.yml': bundle('b'),
      'svc/c/bundle.yaml': bundle('c'),
      'node_modules/pkg/databricks.yml': bundle('nm'),
      '.git/x/databricks.yml': bundle('git'),
      '.databricks/bundle/databricks.yml': bundle('state'),
    });
    const project = loadProject(repo, { env: {} });
    expect(project.bundles.map((b) => [b.relRoot, b.rootFile, b.name])).toEqual([
      ['.', 'databricks.yml', 'top'],
      ['svc/a', 'databricks.yaml', 'a'],
      ['svc/b', 'bundle.yml', 'b'],
      ['svc/c', 'bundle.yaml', 'c'],
    ]);
    expect(project.path).toBe(repo);
  });

  it('two root files in one folder: config-invalid, the first in CLI order is used', () => {
    const repo = writeRepo({ 'bundle.yml': bundle('second'), 'databricks.yml': bundle('first') });
    const [b] = loadProject(repo, { env: {} }).bundles;
    expect(b.rootFile).toBe('databricks.yml');
    expect(b.name).toBe('first');
    const n = b.notices.find((x) => x.message.startsWith('multiple bundle root configuration files found in'));
    expect(n).toMatchObject({ check: 'config-invalid', loc: { file: 'bundle.yml', line: 1 } });
  });

  it('template trees are not analysed: a project notice', () => {
    const repo = writeRepo({
      'templates/default/databricks.yml.tmpl': 'bundle:\n  name: {{.project_name}}\n',
      'templates/default/resources/x.yml': 'resources: {}\n',
      'tpl/{{.project_name}}/databricks.yml': bundle('{{.project_name}}'),
      'real/databricks.yml': bundle('real'),
    });
    const project = loadProject(repo, { env: {} });
    expect(project.bundles.map((b) => b.relRoot)).toEqual(['real']);
    expect(project.notices.map((n) => [n.check, n.loc?.file])).toEqual([
      ['template-tree', 'templates/default/databricks.yml.tmpl'],
      ['template-tree', 'tpl/{{.project_name}}'],
    ]);
    expect(project.notices[0].message).toContain(TEMPLATE_NOTICE);
  });

  it('a bundle root path with glob characters is config-invalid', () => {
    const repo = writeRepo({ '[abc]/databricks.yml': bundle('x') });
    const [b] = loadProject(repo, { env: {} }).bundles;
    expect(b.notices.find((n) => n.message.startsWith('Bundle root path contains glob pattern characters'))).toMatchObject({
      check: 'config-invalid',
      loc: { file: 'databricks.yml', line: 1 },
    });
  });

  it('an empty path gives no bundle; a missing one no bundle and a notice saying so', () => {
    const repo = writeRepo({ 'README.md': 'x' });
    expect(loadProject(repo).bundles).toEqual([]);
    const missing = loadProject(path.join(repo, 'missing'));
    expect(missing.bundles).toEqual([]);
    expect(missing.notices.map((n) => [n.check, n.severity, n.message])).toEqual([['unreadable-folder', 'info', `${path.join(repo, 'missing')}: no such file or directory`]]);
  });

  it('a path to the root file itself loads that bundle', () => {
    const repo = writeRepo({ 'databricks.yml': bundle('x') });
    const project = loadProject(path.join(repo, 'databricks.yml'), { env: {} });
    expect(project.bundles.map((b) => b.name)).toEqual(['x']);
  });

  it('does not follow symlinked folders (no loops)', () => {
    const repo = writeRepo({ 'a/databricks.yml': bundle('a') });
    fs.symlinkSync(repo, path.join(repo, 'a', 'loop'));
    const { roots } = discoverBundleRoots(repo);
    expect(roots.map((r) => path.relative(repo, r.dir))).toEqual(['a']);
  });
});
