import type { Bundle, Check, MapNode, RawFinding } from '../model.js';
import { containsReference } from '../project/reference.js';
import { evidenceAt } from './lib/evidence.js';
import { asMap } from './lib/nodes.js';
import { oncePerBundle } from './lib/per-bundle.js';


export const resourceKeyInterpolation: Check = {
  id: 'resource-key-interpolation',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.1,
  title: 'Resource keys are literal',
  successMessage: 'No resource key contains a ${...} reference.',
  docs: `Resource keys identify resources throughout the deployment (state, \`bundle run <key>\`, references such as
\`\${resources.jobs.<key>.id}\`) and must be static: \`resource key "\${var.env}_job" must not contain variable
references\` fails \`bundle validate\`. Put the variable into the resource's \`name\` instead.
Fix: use a literal key; vary the \`name\` per target.
Reference: https://docs.databricks.com/dev-tools/bundles/resources ; https://github.com/databricks/cli/blob/main/bundle/config/validate/no_variable_reference_in_resource_key.go`,
  breaksDeploy: true,
  run: (bundle) => keyFindings(bundle),
};

const keyFindings = oncePerBundle((bundle: Bundle): RawFinding[] => {
  const findings: RawFinding[] = [];
  const scan = (resources: MapNode | undefined, prefix: string) => {
    for (const [type, byKey] of resources?.entries ?? []) {
      const keys = asMap(byKey);
      for (const [key, body] of keys?.entries ?? []) {
        if (!containsReference(key)) continue;
        const loc = keys!.keyLocs.get(key) ?? body.loc;
        findings.push({
          check: 'resource-key-interpolation',
          message: `resource key "${key}" must not contain variable references (${prefix}${type}.${key})`,
          loc,
          evidence: evidenceAt(bundle, loc, 0, 0),
          impact: '`bundle validate` and `bundle deploy` fail for every target.',
          fix: { text: `Use a literal key for ${prefix}${type}.${key} and put the variable into its name.` },
        });
      }
    }
  };
  scan(asMap(bundle.base.entries.get('resources')), 'resources.');
  for (const section of ['targets', 'environments']) {
    for (const [name, body] of asMap(bundle.base.entries.get(section))?.entries ?? []) {
      scan(asMap(asMap(body)?.entries.get('resources')), `${section}.${name}.resources.`);
    }
  }
  return findings;
});
