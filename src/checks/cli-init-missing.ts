import path from 'node:path';
import type { Bundle, Check, RawFinding, TargetView } from '../model.js';
import { asString, get } from './lib/nodes.js';

const CONFIGURES_CLI = /databricks\s+(?:configure|auth\s+login)\b/;

export const cliInitMissing: Check = {
  id: 'cli-init-missing',
  category: 'Developer Setup',
  severity: 'low',
  effortHours: 0.5,
  title: 'Newcomers can configure the Databricks CLI',
  successMessage: 'The repository shows how to configure the Databricks CLI (a .databrickscfg template or an init script)',
  docs: `Bundle commands authenticate with the settings in databricks.yml (workspace.host, profile) plus a
profile from ~/.databrickscfg or DATABRICKS_* environment variables. A target without
\`workspace.host\` (only a \`workspace.profile\`, or nothing) names no workspace: a newcomer needs that
profile in ~/.databrickscfg. Fires, for the targets that set no \`workspace.host\`, only when the repository
has no \`.databrickscfg\` template or init script (\`databricks configure\` / \`databricks auth login\`):
then every newcomer works out the profile, host and auth type by hand, and setups drift.
Fix: commit \`.databrickscfg.template\` (no secrets) or \`scripts/init-databricks.sh\`:
  #!/usr/bin/env bash
  set -euo pipefail
  databricks auth login --host "\${DATABRICKS_HOST:?set DATABRICKS_HOST}" --profile "\${PROFILE:-DEFAULT}"
  databricks bundle validate
Reference: https://docs.databricks.com/dev-tools/auth/config-profiles.html ; https://docs.databricks.com/dev-tools/cli/bundle-cli.html`,
  breaksDeploy: false,
  run(bundle, target) {
    // A target that names its workspace needs no profile to find it: not that target's finding. The
    // others get the same finding (place and message), which the engine merges into one.
    if (setsHost(target)) return [];
    const hostless = [...bundle.targets.values()].filter((t) => !setsHost(t)).map((t) => t.name);
    if (hasCliSetup(bundle)) return [];
    const loc = bundle.nameLoc ?? { file: bundle.rootFile, line: 1, column: 1 };
    const which =
      hostless.length < bundle.targets.size
        ? `target${hostless.length > 1 ? 's' : ''} ${hostless.sort().join(', ')} set${hostless.length > 1 ? '' : 's'} no workspace.host`
        : hostless.length === 1
          ? 'the target sets no workspace.host'
          : 'no target sets workspace.host';
    const finding: RawFinding = {
      check: cliInitMissing.id,
      message: `no .databrickscfg template or CLI init script, and ${which}: newcomers must find the workspace and configure the CLI by hand`,
      loc,
      resources: [],
      impact: 'New team members need manual setup; CLI configurations drift between developers and CI.',
      fix: {
        text: 'Add a CLI init script (or a .databrickscfg template without secrets) and mention it in the README.',
        patch: `# scripts/init-databricks.sh\n#!/usr/bin/env bash\nset -euo pipefail\ndatabricks auth login --host "\${DATABRICKS_HOST:?set DATABRICKS_HOST}" --profile "\${PROFILE:-DEFAULT}"\ndatabricks bundle validate`,
      },
    };
    return [finding];
  },
};

function setsHost(target: TargetView): boolean {
  return !!asString(get(target.config, 'workspace', 'host'))?.trim();
}

/** A .databrickscfg template, a scripts/*init* file, or a shell script that configures the CLI. */
function hasCliSetup(bundle: Bundle): boolean {
  for (const file of bundle.fileIndex.list()) {
    const base = path.posix.basename(file);
    if (base.startsWith('.databrickscfg') || base.endsWith('.databrickscfg.template') || base === 'databrickscfg.template') return true;
    if (/^scripts\/[^/]*init[^/]*$/i.test(file)) return true;
    if (/\.(sh|bash|ps1)$/i.test(base) || base === 'Makefile') {
      if (CONFIGURES_CLI.test(bundle.fileIndex.read(file) ?? '')) return true;
    }
  }
  return false;
}
