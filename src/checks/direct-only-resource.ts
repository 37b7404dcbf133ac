import type { Check, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { engineOf } from './lib/engine.js';
import { singular } from './resource-undefined.js';

/** Resource types with no Terraform mapping (cli bundle/config/mutator/validate_direct_only_resources.go). */
export const DIRECT_ONLY_TYPES = [
  'job_runs', 'catalogs', 'external_locations', 'genie_spaces', 'vector_search_endpoints', 'vector_search_indexes', 'instance_pools', 'secrets',
];

const title = (type: string): string =>
  singular(type)
    .split('_')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');

export const directOnlyResource: Check = {
  id: 'direct-only-resource',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.25,
  title: 'Direct-only resource types are deployed with the direct engine',
  successMessage: 'No resource needs the direct deployment engine while the bundle pins the terraform engine.',
  docs: `Some resource types exist only in the CLI's direct deployment engine: ${DIRECT_ONLY_TYPES.join(', ')}.
With \`bundle.engine: terraform\` they fail validation: \`<Title> resources are only supported with direct
deployment mode\`. (Direct is the default for new deployments since CLI v1.3.0; this check fires only
when the configuration or DATABRICKS_BUNDLE_ENGINE pins terraform. Existing terraform deployments
are not visible statically.)
Fix: set \`bundle.engine: direct\` (migrating an existing deployment) or manage the resource elsewhere.
Reference: https://docs.databricks.com/dev-tools/bundles/resources ; https://github.com/databricks/cli/blob/main/bundle/config/mutator/validate_direct_only_resources.go`,
  breaksDeploy: true,
  run(bundle, target) {
    const engine = engineOf(bundle, target);
    if (engine.name !== 'terraform') return [];
    const why = engine.from === 'env' ? 'DATABRICKS_BUNDLE_ENGINE is terraform' : 'bundle.engine is terraform';
    const findings: RawFinding[] = [];
    for (const type of DIRECT_ONLY_TYPES) {
      for (const res of target.resources.get(type)?.values() ?? []) {
        findings.push({
          check: 'direct-only-resource',
          message: `${title(type)} resources are only supported with direct deployment mode (${res.address}; ${why})`,
          loc: res.loc,
          resources: [res.address],
          evidence: evidenceAt(bundle, res.loc, 0, 1),
          impact: `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name}.`,
          fix: { text: 'Set `bundle.engine: direct` (or DATABRICKS_BUNDLE_ENGINE=direct).' },
        });
      }
    }
    return findings;
  },
};
