// Which files count as commented-out resource files (lib/commented-resources.ts), seen through
// resource-file-disabled: files an include matches or that sit in resources/, YAML only, in path
// order, whose every non-blank line is a comment (indented or not).
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;
const COMMENTED = yaml('# resources:', '#   jobs:', '#     nightly:', '#       name: n');
const disabled = (files: Record<string, string>, include: string[] = []): string[] =>
  loadRepo({ 'databricks.yml': yaml('bundle:', '  name: d', ...(include.length ? ['include:', ...include.map((i) => `  - ${i}`)] : [])), ...files })
    .run('resource-file-disabled')
    .map((f) => `${f.loc?.file}:${f.loc?.line} ${f.message.split(': ')[1]}`);

describe('commented-resources: the files read', () => {
  it('a file an include matches outside resources/, and one in resources/ that no include names', () => {
    expect(disabled({ 'jobs/old.yml': COMMENTED, 'resources/x.yml': COMMENTED }, ['jobs/*.yml'])).toEqual([
      'jobs/old.yml:1 jobs.nightly is not deployed',
      'resources/x.yml:1 jobs.nightly is not deployed',
    ]);
  });

  it('in path order, whichever way the file was found', () => {
    expect(disabled({ 'zz/old.yml': COMMENTED, 'resources/a.yml': COMMENTED }, ['zz/*.yml'])).toEqual([
      'resources/a.yml:1 jobs.nightly is not deployed',
      'zz/old.yml:1 jobs.nightly is not deployed',
    ]);
  });

  it('a commented YAML file elsewhere, and files that are no YAML, are not read', () => {
    expect(disabled({ 'old/job.yml': COMMENTED, 'resources/notes.txt': COMMENTED, 'resources/job.yml.bak': COMMENTED })).toEqual([]);
  });

  it('an empty include entry is skipped', () => {
    expect(disabled({ 'resources/x.yml': COMMENTED }, ['~', 'resources/*.yml'])).toEqual(['resources/x.yml:1 jobs.nightly is not deployed']);
  });
});

describe('commented-resources: what is commented out', () => {
  it('indented comment lines and blank lines of spaces still make a commented-out file', () => {
    const text = '# resources:\n  #   jobs:\n   \n  #     nightly:\n  #       name: n\n';
    expect(disabled({ 'resources/x.yml': text }, ['resources/*.yml'])).toEqual(['resources/x.yml:1 jobs.nightly is not deployed']);
  });

  it('one line of YAML among the comments: not commented out', () => {
    expect(disabled({ 'resources/x.yml': `${COMMENTED}resources: {}\n` }, ['resources/*.yml'])).toEqual([]);
  });
});

describe('commented-resources: reading the commented YAML', () => {
  const one = (text: string) => disabled({ 'resources/x.yml': text });

  it('a resources/ file no include names that holds live YAML (with a comment) is not commented out', () => {
    expect(one('# live\nresources:\n  jobs:\n    j:\n      name: j\n')).toEqual([]);
  });

  it('"#resources:" without a space after the mark, after a note: the finding is at the resources line', () => {
    expect(one('# note\n#resources:\n#  jobs:\n#    j: {}\n')).toEqual(['resources/x.yml:2 jobs.j is not deployed']);
  });

  it('"resources :" with a space before the colon', () => {
    expect(one('# resources :\n#   jobs:\n#     j: {}\n')).toEqual(['resources/x.yml:1 jobs.j is not deployed']);
  });

  it('a note that mentions resources: before the commented block does not start it', () => {
    expect(one('# a note about resources: old\n# resources:\n#   jobs:\n#     j: {}\n')).toEqual(['resources/x.yml:2 jobs.j is not deployed']);
  });

  it('a resource type whose value is no mapping, or empty resources: no addresses, still reported', () => {
    expect(one('# resources:\n#   jobs: none\n')).toEqual(['resources/x.yml:1 its resources are not deployed']);
    expect(one('# resources:\n')).toEqual(['resources/x.yml:1 its resources are not deployed']);
  });
});

describe('commented-resources: where the block starts', () => {
  const one = (text: string) => disabled({ 'resources/x.yml': text });

  it('a note whose text holds "resources:" (even "# resources:") mid-line neither starts the block nor places the finding', () => {
    // read from the note on, the YAML would not parse ("notes: resources: ..."), and the finding would sit on line 1
    expect(one('# notes: resources: and # resources: are below\n# resources:\n#   jobs:\n#     j: {}\n')).toEqual(['resources/x.yml:2 jobs.j is not deployed']);
  });
});

describe('commented-resources: the sources a commented pipeline names', () => {
  const DLT = '# Databricks notebook source\nimport dlt\n';
  const pipeline = (...libraries: string[]) =>
    loadRepo({
      'databricks.yml': yaml('bundle:', '  name: d', 'include:', '  - resources/*.yml'),
      'resources/p.yml': yaml('# resources:', '#   pipelines:', '#     a:', '#       libraries:', ...libraries.map((l) => `#         - ${l}`)),
      'src/a.py': DLT,
    })
      .run('dlt-pipeline-disabled')
      .map((f) => f.message);

  it('a library path written with spaces inside its quotes still names the source', () => {
    expect(pipeline('notebook: {path: " ../src/a.py "}')).toEqual(['resources/p.yml is entirely commented out: pipelines.a is not deployed and src/a.py never runs']);
  });

  it('an empty library entry is skipped, the next one is read', () => {
    expect(pipeline('~', 'file: {path: ../src/a.py}')).toEqual(['resources/p.yml is entirely commented out: pipelines.a is not deployed and src/a.py never runs']);
  });
});
