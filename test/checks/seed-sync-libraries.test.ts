import { describe, expect, test } from 'vitest';
import { libraryDepsInconsistent, parseRequirement } from '../../src/checks/library-deps-inconsistent.js';
import { syncExcludesSource } from '../../src/checks/sync-excludes-source.js';
import { expectWellFormed, runCheck, runOnDefault, where } from './seed-helpers.js';

describe('sync-excludes-source', () => {
  test('fires for a gitignored python_file and for modules excluded by sync.exclude', () => {
    const findings = runOnDefault(syncExcludesSource, 'sync-excludes-source/broken');
    expectWellFormed(findings);
    expect(findings.map(where)).toEqual(['databricks.yml:18:26', 'notebooks/features.py:7:1']);
    expect(findings.every((f) => f.resources!.join() === 'jobs.nightly')).toBe(true);
    expect(findings[0].message).toContain('runs jobs/export.py, which is not synced: it is gitignored by jobs/ (.gitignore:1)');
    expect(findings[1].message).toContain('imports src.features.build, but src/features/build.py');
    expect(findings[1].message).toContain('sync.exclude pattern src/** (databricks.yml:5)');
  });

  test('silent when nothing excludes the code and sync.include re-adds the gitignored folder', () => {
    expect(runCheck(syncExcludesSource, 'sync-excludes-source/fixed')).toEqual([]);
  });
});

describe('library-deps-inconsistent', () => {
  test('fires for unpinned %pip on serverless, %pip instead of a serverless pipeline environment, an unpinned library (low) and one package at two versions', () => {
    const findings = runOnDefault(libraryDepsInconsistent, 'library-deps-inconsistent/broken');
    expectWellFormed(findings);
    expect(findings.map((f) => [where(f), f.resources, f.severity])).toEqual([
      ['notebooks/ingest.py:2:1', ['jobs.ingest'], 'medium'], // pyyaml is not pinned
      ['notebooks/dlt_features.py:2:1', ['pipelines.features'], 'low'], // pinned: only the place is wrong
      ['databricks.yml:19:26', ['jobs.report'], 'low'],
      ['databricks.yml:21:26', ['jobs.report', 'jobs.train'], undefined],
    ]);
    // A notebook task without a cluster runs on serverless, which takes no task libraries: pin in the cell.
    expect(findings[0].message).toBe(
      'notebooks/ingest.py installs requests==2.32.3 pyyaml with %pip install (not pinned: pyyaml) for task ingest.ingest (on serverless compute, where the %pip cell is the place for dependencies)',
    );
    expect(findings[0].fix?.patch).toBe('%pip install requests==2.32.3 pyyaml==<version>');
    // A serverless pipeline takes environment.dependencies, never `libraries: - pypi:`.
    expect(findings[1].message).toBe('notebooks/dlt_features.py installs scikit-learn==1.5.2 with %pip install while pipeline features declares no environment dependencies');
    expect(findings[1].fix?.patch).toBe('environment:\n  dependencies:\n    - "scikit-learn==1.5.2"');
    expect(findings[1].fix?.patch).not.toContain('pypi');
    expect(findings[2].message).toBe('library pandas is not pinned to a version');
    expect(findings[3].message).toContain('numpy is required at different versions: ==1.26.4 (databricks.yml:21), ==2.0.0 (databricks.yml:30)');
  });

  test('silent with pinned, consistent job libraries and no %pip', () => {
    expect(runCheck(libraryDepsInconsistent, 'library-deps-inconsistent/fixed')).toEqual([]);
  });

  test('parseRequirement', () => {
    expect(parseRequirement('Sentence_Transformers[train] >= 2.3.0 ; python_version>"3.9"')).toEqual({
      name: 'sentence-transformers',
      display: 'Sentence_Transformers',
      spec: '>=2.3.0',
    });
    expect(parseRequirement('./dist/x-1.0-py3-none-any.whl')).toBeUndefined();
    expect(parseRequirement('--upgrade')).toBeUndefined();
    expect(parseRequirement('faiss-cpu')?.spec).toBe('');
  });
});
