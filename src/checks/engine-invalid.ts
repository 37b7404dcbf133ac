import type { Check, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { asString, get } from './lib/nodes.js';

export const engineInvalid: Check = {
  id: 'engine-invalid',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.1,
  title: 'bundle.engine names a supported engine',
  successMessage: 'bundle.engine is unset or direct.',
  docs: `\`bundle.engine\` must be \`terraform\` or \`direct\`; anything else fails \`bundle validate\` (\`invalid value "x" for
bundle.engine (expected "terraform" or "direct")\`). The terraform engine is deprecated: \`the terraform deployment engine
is deprecated and will stop working in a future version of the CLI\`.
Fix: use \`direct\` (see https://docs.databricks.com/aws/en/dev-tools/bundles/direct for migrating a deployment).
Reference: https://docs.databricks.com/dev-tools/bundles/direct ; https://github.com/databricks/cli/blob/main/bundle/config/validate/validate_engine.go`,
  breaksDeploy: true,
  run(bundle, target) {
    const node = get(target.config, 'bundle', 'engine');
    const value = asString(node);
    if (!node || value === undefined || value === '' || value.includes('${')) return [];
    const base = { check: 'engine-invalid', loc: node.loc, evidence: evidenceAt(bundle, node.loc, 0, 0) };
    const findings: RawFinding[] = [];
    if (value !== 'terraform' && value !== 'direct') {
      findings.push({ ...base, message: `invalid value "${value}" for bundle.engine (expected "terraform" or "direct")`, impact: `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name}.`, fix: { text: 'Set bundle.engine to direct (or remove it).' } });
    } else if (value === 'terraform') {
      findings.push({
        ...base,
        severity: 'medium',
        message: 'the terraform deployment engine is deprecated and will stop working in a future version of the CLI',
        impact: 'A future CLI version will not deploy this bundle until it is migrated.',
        fix: { text: 'Migrate to the direct engine: see https://docs.databricks.com/aws/en/dev-tools/bundles/direct.' },
      });
    }
    return findings;
  },
};
