import type { Check } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { asScalar, get } from './lib/nodes.js';

export const bundleNameInterpolation: Check = {
  id: 'bundle-name-interpolation',
  category: 'Bundle Configuration',
  severity: 'medium',
  effortHours: 0.1,
  title: 'Bundle name is a literal',
  successMessage: 'bundle.name is a literal string.',
  docs: `The bundle name identifies the deployment (workspace root path, state). The CLI warns
\`Please do not use variable interpolation in the name of your bundle.\`: a name that changes with a
variable deploys a second, independent copy and orphans the first.
Fix: write a literal name; use \`presets.name_prefix\` or target-specific resource names instead.
Reference: https://docs.databricks.com/dev-tools/bundles/variables ; https://github.com/databricks/cli/tree/main/acceptance/bundle/variables/empty`,
  breaksDeploy: false,
  run(bundle) {
    const node = asScalar(get(bundle.base, 'bundle', 'name'));
    if (!node || typeof node.value !== 'string' || !node.value.includes('${')) return [];
    return [
      {
        check: 'bundle-name-interpolation',
        message: `Please do not use variable interpolation in the name of your bundle. The name of your bundle is "${node.value}"`,
        loc: node.loc,
        evidence: evidenceAt(bundle, node.loc, 0, 0),
        impact: 'A name that varies deploys separate copies of the bundle and orphans earlier ones.',
        fix: { text: 'Write a literal bundle.name.' },
      },
    ];
  },
};
