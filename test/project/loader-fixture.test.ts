// A small real bundle (test/fixtures/loader/anchors-targets): anchors and merge keys across
// files, targets that merge tasks by key, nested variables, paths written in resources/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Bundle, Project, TargetView } from '../../src/model.js';
import { loadProject } from '../../src/project/load.js';
import { at, plain } from './loader-helpers.js';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'loader', 'anchors-targets');

describe('fixture anchors-targets', () => {
  // Loaded before each test, not in the describe body: Stryker counts code run outside a test as
  // "static" and then runs every test for each of its mutants.
  let project: Project;
  let bundle: Bundle;
  let dev: TargetView;
  let prod: TargetView;
  beforeEach(() => {
    project = loadProject(FIXTURE, { env: {} });
    bundle = project.bundles[0];
    dev = bundle.targets.get('dev')!;
    prod = bundle.targets.get('prod')!;
  });

  it('loads without notices, dev is the default target', () => {
    expect(project.bundles).toHaveLength(1);
    // The fixture's environment sets `client`, which the CLI's schema marks deprecated.
    expect(bundle.notices.map((n) => `${n.check} ${n.message}`)).toEqual(['deprecated-field deprecated field: client (at resources.jobs.ingest.environments[0].spec)']);
    expect(bundle.defaultTarget).toBe('dev');
    expect([...bundle.files.keys()]).toEqual(['databricks.yml', 'resources/ingest.job.yml']);
  });

  it('merge keys bring anchored values (job level, task level, a list of sources)', () => {
    const job = dev.jobs[0];
    expect(plain(at(job.node, 'max_concurrent_runs'))).toBe(1);
    expect(plain(at(job.node, 'tags'))).toEqual({ team: 'data' });
    expect(job.node.keyLocs.get('max_concurrent_runs')).toEqual({ file: 'resources/ingest.job.yml', line: 11, column: 7 });
    expect(at(job.node, 'max_concurrent_runs')!.loc.line).toBe(2);
    const [load, report] = job.tasks;
    expect(plain(at(load.node, 'environment_key'))).toBe('default');
    expect(plain(at(load.node, 'timeout_seconds'))).toBe(60);
    expect(plain(at(report.node, 'environment_key'))).toBe('default');
  });

  it('tasks, types and environment dependencies per target', () => {
    expect(dev.jobs[0].tasks.map((t) => [t.key, t.type])).toEqual([
      ['load', 'spark_python_task'],
      ['report', 'notebook_task'],
    ]);
    expect(dev.jobs[0].tasks[0].environmentDependencies.map((l) => l.value)).toEqual(['../dist/*.whl']);
    expect(dev.jobs[0].tasks[0].libraries.map((l) => l.value)).toEqual(['pandas']);
    expect(prod.jobs[0].tasks[0].libraries.map((l) => [l.value, l.node.loc.file])).toEqual([
      ['pandas', 'resources/ingest.job.yml'],
      ['prod-only', 'databricks.yml'],
    ]);
  });

  it('interpolation per target, with nested variables and the workspace root', () => {
    const params = at(dev.jobs[0].tasks[0].node, 'spark_python_task', 'parameters', 1)!;
    const text = String(plain(params));
    expect(dev.interpolate(text, params.loc).value).toBe('main.sandbox');
    expect(prod.interpolate(text, params.loc).value).toBe('main.gold');
    expect(prod.interpolate('${workspace.file_path}', params.loc).value).toBe('/Shared/.bundle/anchors_targets/files');
    expect(dev.interpolate(String(plain(at(dev.jobs[0].node, 'name'))), params.loc).value).toBe('ingest dev');
  });

  it('modes, and the file facts of task paths written relative to resources/', () => {
    expect([dev.mode, prod.mode]).toEqual(['development', 'production']);
    expect(bundle.fileIndex.kind('src/report.py')).toBe('notebook');
    expect(bundle.fileIndex.kind('src/load.py')).toBe('file');
  });
});
