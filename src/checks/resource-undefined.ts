import type { Check, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { getMap, isNull } from './lib/nodes.js';

/** `jobs` -> `job`, `postgres_branches` -> `postgres_branch`, `genie_spaces` -> `genie_space`. */
export function singular(type: string): string {
  if (/(ch|sh|x|ss)es$/.test(type)) return type.slice(0, -2);
  return type.endsWith('s') ? type.slice(0, -1) : type;
}

export const resourceUndefined: Check = {
  id: 'resource-undefined',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.1,
  title: 'Every resource key has a definition',
  successMessage: 'Every resource key declares a body.',
  docs: `A resource key written without a body (\`my_job:\` followed by nothing, often because the body is
commented out or mis-indented) fails \`bundle validate\` with \`job my_job is not defined\`.
Fix: indent the body under the key, or delete the key.
Reference: https://docs.databricks.com/dev-tools/cli/bundle-commands#validate ; https://github.com/databricks/cli/tree/main/acceptance/bundle/undefined_resources`,
  breaksDeploy: true,
  run(bundle, target) {
    const findings: RawFinding[] = [];
    const resources = getMap(target.config, 'resources');
    for (const [type, byKey] of resources?.entries ?? []) {
      if (byKey.kind !== 'map') continue;
      for (const [key, body] of byKey.entries) {
        if (!isNull(body)) continue;
        const loc = byKey.keyLocs.get(key) ?? body.loc;
        findings.push({
          check: 'resource-undefined',
          message: `${singular(type)} ${key} is not defined`,
          loc,
          resources: [`${type}.${key}`],
          evidence: evidenceAt(bundle, loc, 0, 1),
          impact: `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name}.`,
          fix: { text: `Indent the definition of ${type}.${key} under its key, or remove the key.` },
        });
      }
    }
    return findings;
  },
};
