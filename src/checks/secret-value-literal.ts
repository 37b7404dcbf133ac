import type { Check, RawFinding } from '../model.js';
import { isPureReference } from '../project/reference.js';
import { evidenceAt } from './lib/evidence.js';
import { get } from './lib/nodes.js';

export const secretValueLiteral: Check = {
  id: 'secret-value-literal',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.25,
  title: 'Secret values come from variables without defaults',
  successMessage: 'Every secret resource takes its value from a variable that has no default.',
  docs: `A \`secrets\` resource must take its \`value\` from a variable reference (\`\${var.my_secret}\`), and that variable
must not have a default: a value in the configuration files would leak the secret into the repository.
\`bundle validate\` fails with \`Secret value must be a variable reference\` / \`Variable used for secret value must not
have a default value\`.
Fix: \`value: \${var.my_secret}\` with a variable without default, set with --var or BUNDLE_VAR_my_secret in CI.
Reference: https://docs.databricks.com/dev-tools/bundles/resources ; https://github.com/databricks/cli/blob/main/bundle/config/mutator/validate_secret_value_is_variable.go`,
  breaksDeploy: true,
  run(bundle, target) {
    const findings: RawFinding[] = [];
    for (const secret of target.resources.get('secrets')?.values() ?? []) {
      const node = get(secret.node, 'value');
      const value = node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
      const base = { check: 'secret-value-literal', resources: [secret.address], impact: `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name}.` };
      const loc = node?.loc ?? secret.node.loc;
      if (value === undefined) {
        findings.push({ ...base, message: `Secret value must be a string: the secret value for "${secret.key}" must be a string`, loc, fix: { text: 'Set value: ${var.<name>}.' } });
        continue;
      }
      if (!isPureReference(value)) {
        findings.push({ ...base, message: `Secret value must be a variable reference: the secret value for "${secret.key}" is written in the configuration`, loc, evidence: '(value not shown)', fix: { text: 'Set value: ${var.<name>} and pass the secret at deploy time; rotate the secret that was committed.' } });
        continue;
      }
      const m = /^\$\{var\.([^.}[\]]+)\}$/.exec(value);
      const def = m ? target.variables.get(m[1])?.def : undefined;
      if (def?.default) {
        findings.push({
          ...base,
          message: `Variable used for secret value must not have a default value: variable "${m![1]}" used for the secret "${secret.key}" has one`,
          loc: def.default.loc,
          fix: { text: `Remove the default of ${m![1]} and pass the value with --var, BUNDLE_VAR_${m![1]} or a variable overrides file.` },
        });
      }
    }
    return findings;
  },
};
