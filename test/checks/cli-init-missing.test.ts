// cli-init-missing fires only when the repository has no .databrickscfg template or init script AND
// at least one target sets no workspace.host (issue 2's definition); one finding for the bundle.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runChecks } from '../../src/engine.js';
import type { Finding } from '../../src/model.js';
import { loadProject } from '../../src/project/load.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function cliInit(files: Record<string, string>): Finding[] {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dab-cli-init-')));
  dirs.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  const bundle = loadProject(dir, { env: {}, vars: {} }).bundles[0];
  return runChecks(bundle, [...bundle.targets.values()]).filter((f) => f.check === 'cli-init-missing');
}

const bundleWith = (targets: string) => `bundle:\n  name: b\ntargets:\n${targets}`;
const HOST = (env: string) => `    workspace:\n      host: https://${env}.cloud.databricks.com\n`;
const PROFILE = '    workspace:\n      profile: LPT_FREE_EDITION\n';

test('silent when every target sets workspace.host, even without a template or init script', () => {
  expect(cliInit({ 'databricks.yml': bundleWith(`  dev:\n    default: true\n${HOST('dev')}  prod:\n${HOST('prod')}`) })).toEqual([]);
  // The root workspace.host reaches every target.
  expect(cliInit({ 'databricks.yml': 'bundle:\n  name: b\nworkspace:\n  host: https://x.cloud.databricks.com\ntargets:\n  dev:\n    default: true\n  prod: {}\n' })).toEqual([]);
});

test('fires once, for the targets without workspace.host only, when a target only names a profile', () => {
  const findings = cliInit({ 'databricks.yml': bundleWith(`  dev:\n    default: true\n${PROFILE}  prod:\n${HOST('prod')}`) });
  expect(findings.map((f) => [f.loc?.file, f.loc?.line, f.targets])).toEqual([['databricks.yml', 2, ['dev']]]);
  expect(findings[0].message).toBe(
    'no .databrickscfg template or CLI init script, and target dev sets no workspace.host: newcomers must find the workspace and configure the CLI by hand',
  );
  const all = cliInit({ 'databricks.yml': bundleWith(`  dev:\n    default: true\n${PROFILE}  prod:\n${PROFILE}`) });
  expect(all.map((f) => [f.message, f.targets])).toEqual([
    ['no .databrickscfg template or CLI init script, and no target sets workspace.host: newcomers must find the workspace and configure the CLI by hand', ['dev', 'prod']],
  ]);
});

test('silent with an init script that configures the CLI, whatever the targets say', () => {
  const files = {
    'databricks.yml': bundleWith(`  dev:\n    default: true\n${PROFILE}`),
    'scripts/setup.sh': '#!/usr/bin/env bash\ndatabricks auth login --host "$DATABRICKS_HOST"\n',
  };
  expect(cliInit(files)).toEqual([]);
});
