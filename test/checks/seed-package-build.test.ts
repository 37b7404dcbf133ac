import { describe, expect, test } from 'vitest';
import { packageNameMismatch } from '../../src/checks/package-name-mismatch.js';
import { buildOutputDir } from '../../src/checks/lib/wheel-tasks.js';
import { wheelNotBuilt } from '../../src/checks/wheel-not-built.js';
import { expectWellFormed, runCheck, runOnDefault, where } from './seed-helpers.js';

describe('package-name-mismatch', () => {
  test('fires when package_name matches no distribution of the repository, naming the ones that exist', () => {
    const findings = runOnDefault(packageNameMismatch, 'package-name-mismatch/broken');
    expectWellFormed(findings);
    expect(findings).toHaveLength(1);
    expect(where(findings[0])).toBe('databricks.yml:16:27');
    expect(findings[0].resources).toEqual(['jobs.training']);
    expect(findings[0].message).toContain("package_name entity_matcher of task train matches no distribution in the repository (the repository's distribution is entity-matching)");
    expect(findings[0].fix?.patch).toBe('package_name: entity-matching');
  });

  test('silent when the names are equal after PEP 503 normalisation (Entity.Matching = entity-matching)', () => {
    expect(runCheck(packageNameMismatch, 'package-name-mismatch/fixed')).toEqual([]);
  });
});

describe('wheel-not-built', () => {
  test('fires for a wheel task with no wheel at all and for a whl glob nothing produces', () => {
    const findings = runOnDefault(wheelNotBuilt, 'wheel-not-built/broken');
    expectWellFormed(findings);
    expect(findings.map((f) => [where(f), f.resources![0]])).toEqual([
      ['resources/jobs.yml:9:11', 'jobs.no_library'],
      ['resources/jobs.yml:22:20', 'jobs.glob_nothing_builds'],
    ]);
    const [none, glob] = findings;
    expect(none.message).toBe('no wheel of my_pkg is built or attached for task run: no artifacts, no whl library');
    expect(none.fix?.patch).toBe(
      '# databricks.yml\nartifacts:\n  my_pkg_wheel:\n    type: whl\n    build: python3 -m build --wheel\n    path: .\n\n' +
        '# resources/jobs.yml, task run\nlibraries:\n  - whl: ../dist/*.whl',
    );
    expect(glob.message).toContain('no files match pattern');
    expect(glob.fix?.patch).toContain('artifacts:');
    expect(wheelNotBuilt.breaksDeploy).toBe(true);
  });

  test('silent with an artifact whose output the task attaches, and with a remote wheel', () => {
    expect(runCheck(wheelNotBuilt, 'wheel-not-built/fixed')).toEqual([]);
  });

  test('silent when the CLI builds implicitly (setup.py at the root and a local whl library)', () => {
    expect(runCheck(wheelNotBuilt, 'wheel-not-built/implicit')).toEqual([]);
  });

  test('silent when a custom build writes the wheels to the folder the library names (--out-dir)', () => {
    expect(runCheck(wheelNotBuilt, 'wheel-not-built/out-dir')).toEqual([]);
    expect(buildOutputDir('uv build tasks/ --wheel --out-dir .build/tasks/')).toBe('.build/tasks');
    expect(buildOutputDir('python3 -m build --wheel -o out')).toBe('out');
    expect(buildOutputDir('python3 -m build --wheel')).toBeUndefined();
  });
});
