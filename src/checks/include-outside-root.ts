import type { Check, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { get } from './lib/nodes.js';

export const includeOutsideRoot: Check = {
  id: 'include-outside-root',
  category: 'Bundle Configuration',
  severity: 'high',
  effortHours: 0.25,
  title: '`include` is written only in the root file',
  successMessage: 'Only the root configuration file has an `include:` section.',
  docs: `Only the \`include:\` of databricks.yml is applied. An \`include:\` inside an included file is ignored
with \`Warning: Include section is defined outside root file\`, so the files it names (and the resources
they define) are silently not deployed.
Fix: move the entries to the \`include:\` of databricks.yml.
Reference: https://docs.databricks.com/dev-tools/bundles/settings#include`,
  breaksDeploy: false,
  run(bundle) {
    const findings: RawFinding[] = [];
    // The paths are the map's keys, so no two are equal.
    for (const file of [...bundle.files.values()].sort((a, b) => (a.path < b.path ? -1 : 1))) {
      if (file.path === bundle.rootFile || !file.root) continue;
      const include = get(file.root, 'include');
      if (!include) continue;
      const loc = include.loc;
      findings.push({
        check: 'include-outside-root',
        message: `Include section is defined outside root file: ${file.path}. Only includes defined in ${bundle.rootFile} are applied.`,
        loc,
        evidence: evidenceAt(bundle, loc, 1, 2),
        impact: 'The files listed there are not loaded: their resources are silently missing from the deployment.',
        fix: { text: `Move these entries to the \`include:\` section of ${bundle.rootFile} (paths relative to the bundle root).` },
      });
    }
    return findings;
  },
};
