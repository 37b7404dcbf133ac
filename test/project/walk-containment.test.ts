// The file walk never leaves the repository: include, sync and library patterns that escape it are
// findings decided from the pattern, before any folder outside is listed, and no name of a file
// outside appears in any output format.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyse } from '../../src/engine.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';
import type { Result } from '../../src/model.js';

const OUTSIDE_NAME = 'outside-secret-name';
let scratch: string;

beforeAll(() => {
  scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dab-ready-walk-test-')));
  // Seven folders and a YAML file outside the repository, where the hostile glob would find them.
  const deep = path.join(scratch, 'q', 'w', 'e', 'r', 't', 'y');
  fs.mkdirSync(deep, { recursive: true });
  fs.writeFileSync(path.join(deep, `${OUTSIDE_NAME}.yml`), 'resources:\n  jobs:\n    stolen:\n      name: stolen\n');
  fs.writeFileSync(path.join(scratch, `${OUTSIDE_NAME}.whl`), 'not a wheel');
  fs.mkdirSync(path.join(scratch, 'shared'));
  fs.writeFileSync(path.join(scratch, 'shared', `${OUTSIDE_NAME}.py`), 'x = 1\n');
  fs.writeFileSync(path.join(scratch, 'shared', '.gitignore'), `${OUTSIDE_NAME}-rule\n`);
  // Rules above the repository: a sync root widened out of it would read them.
  fs.writeFileSync(path.join(scratch, '.gitignore'), `# ${OUTSIDE_NAME}-rule\nmain.py\n`);
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  syncBuiltinESMExports();
});

/** A repository (a .git folder) three levels below the scratch folder, holding databricks.yml. */
function repo(name: string, yaml: string, files: Record<string, string> = {}): string {
  const dir = path.join(scratch, 'a', 'b', name);
  fs.mkdirSync(path.join(dir, '.git'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'databricks.yml'), yaml);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** Every folder listed and file read while `fn` runs, outside `dir`. */
async function readsOutside(dir: string, fn: () => Promise<unknown>): Promise<string[]> {
  const touched: string[] = [];
  const record = (p: unknown) => {
    const abs = path.resolve(String(p));
    if (abs !== dir && !abs.startsWith(`${dir}${path.sep}`) && abs.startsWith(scratch)) touched.push(abs);
  };
  const readdir = fs.readdirSync;
  const readFile = fs.readFileSync;
  vi.spyOn(fs, 'readdirSync').mockImplementation(((p: fs.PathLike, o?: unknown) => {
    record(p);
    return (readdir as (p: fs.PathLike, o?: unknown) => unknown)(p, o);
  }) as typeof fs.readdirSync);
  vi.spyOn(fs, 'readFileSync').mockImplementation(((p: fs.PathOrFileDescriptor, o?: unknown) => {
    if (typeof p !== 'number') record(p);
    return (readFile as (p: fs.PathOrFileDescriptor, o?: unknown) => unknown)(p, o);
  }) as typeof fs.readFileSync);
  syncBuiltinESMExports(); // modules that `import * as fs` see the spies too
  await fn();
  return touched;
}

function everyFormat(result: Result): string {
  return [renderJson(result), renderSarif(result), renderMarkdown(result), renderText(result, { color: false })].join('\n');
}

const messages = (result: Result, check: string) => result.bundles[0].findings.filter((f) => f.check === check).map((f) => f.message);

describe('the file walk stays inside the repository', () => {
  it('include ["../../../../*/*/*/*/*/*/*/*.yml"] is a finding within a second; nothing outside is listed or named', async () => {
    const dir = repo('glob-escape', 'bundle:\n  name: walk\ninclude:\n  - "../../../../*/*/*/*/*/*/*/*.yml"\n  - ../../../q/w/e/r/t/y/*.yml\n');
    let result: Result | undefined;
    const started = Date.now();
    const touched = await readsOutside(dir, async () => {
      result = (await analyse({ path: dir, env: {} })).result;
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(touched).toEqual([]);
    expect(messages(result!, 'include-outside-repository')).toEqual([
      'include `../../../../*/*/*/*/*/*/*/*.yml` points outside the repository: not read, so its resources are not analysed',
      'include `../../../q/w/e/r/t/y/*.yml` points outside the repository: not read, so its resources are not analysed',
    ]);
    expect(result!.bundles[0].findings.find((f) => f.check === 'include-outside-repository')!.loc).toMatchObject({ file: 'databricks.yml', line: 4 });
    expect(everyFormat(result!)).not.toContain(OUTSIDE_NAME);
    expect(everyFormat(result!)).not.toContain('stolen');
  });

  it('an include through a symbolic link to a folder outside: named by the link, the folder not listed', async () => {
    const dir = repo('link-escape', 'bundle:\n  name: walk\ninclude:\n  - linked/*.yml\n');
    fs.symlinkSync(path.join(scratch, 'q', 'w', 'e', 'r', 't', 'y'), path.join(dir, 'linked'));
    let result: Result | undefined;
    const touched = await readsOutside(dir, async () => {
      result = (await analyse({ path: dir, env: {} })).result;
    });
    expect(touched).toEqual([]);
    expect(messages(result!, 'include-outside-repository')).toEqual(['include `linked/*.yml` goes through linked, a symbolic link out of the repository: not read']);
    expect(everyFormat(result!)).not.toContain(OUTSIDE_NAME);
  });

  it('sync paths and patterns, libraries and artifact paths that leave the repository are findings; no rule file outside is read', async () => {
    const yaml = [
      'bundle:',
      '  name: walk',
      'sync:',
      '  paths:',
      '    - .',
      '    - ../../../shared',
      '  include:',
      '    - ../../../shared/*.py',
      'artifacts:',
      '  lib:',
      '    type: whl',
      '    path: ../../..',
      '    build: python3 -m build',
      'resources:',
      '  jobs:',
      '    j:',
      '      name: j',
      '      tasks:',
      '        - task_key: t',
      '          spark_python_task:',
      '            python_file: ./main.py',
      '          libraries:',
      `            - whl: ../../../${OUTSIDE_NAME}.whl`,
      '            - whl: ../../../*.whl',
      '',
    ].join('\n');
    const dir = repo('sync-escape', yaml, { 'main.py': 'print(1)\n' });
    let result: Result | undefined;
    const touched = await readsOutside(dir, async () => {
      result = (await analyse({ path: dir, env: {} })).result;
    });
    expect(touched).toEqual([]);
    expect(messages(result!, 'path-outside-repository')).toEqual([
      'sync.paths entry `../../../shared` points outside the git repository: not read; `databricks bundle validate` fails with "path ... is not within repository root ..."',
      'sync.include entry `../../../shared/*.py` points outside the repository: not read',
      'artifacts.lib.path `../../..` points outside the repository: not read',
      `resources.jobs.j.tasks[0].libraries[0].whl \`../../../${OUTSIDE_NAME}.whl\` points outside the repository: not read`,
      'resources.jobs.j.tasks[0].libraries[1].whl `../../../*.whl` points outside the repository: not read',
    ]);
    const found = result!.bundles[0].findings.filter((f) => f.check === 'path-outside-repository');
    expect(found.map((f) => [f.loc?.line, f.severity])).toEqual([
      [6, 'critical'],
      [8, 'high'],
      [12, 'high'],
      [23, 'high'],
      [24, 'high'],
    ]);
    // The file under the synced main.py is judged with the repository's rules only.
    expect(everyFormat(result!)).not.toContain(`${OUTSIDE_NAME}-rule`);
  });

  it('without a git work tree the analysed folder is the boundary; a sync path out of it is high, not the CLI failure', async () => {
    const dir = path.join(scratch, 'a', 'b', 'no-git');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'databricks.yml'), 'bundle:\n  name: walk\nsync:\n  paths:\n    - ..\n');
    const { result } = await analyse({ path: dir, env: {} });
    const found = result.bundles[0].findings.filter((f) => f.check === 'path-outside-repository');
    expect(found.map((f) => [f.severity, f.message])).toEqual([['high', 'sync.paths entry `..` points outside the repository: not read']]);
  });

  it('paths that stay inside the repository (a monorepo folder next to the bundle) are not findings', async () => {
    const dir = repo('inside', 'bundle:\n  name: walk\nsync:\n  paths:\n    - .\n    - ./lib\n', { 'lib/x.py': '' });
    const { result } = await analyse({ path: dir, env: {} });
    expect(messages(result, 'path-outside-repository')).toEqual([]);
  });
});
