import type { Check, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { asMap, asString, getMap } from './lib/nodes.js';

export const variableTypeInvalid: Check = {
  id: 'variable-type-invalid',
  category: 'Bundle Configuration',
  severity: 'medium',
  effortHours: 0.1,
  title: 'Variable types are valid',
  successMessage: 'No variable declares a type other than `complex`.',
  docs: `\`variables.<name>.type\` accepts only \`complex\` (for map/list values). \`type: string\`, \`bool\`, ... raise
\`Warning: invalid value "string" for enum field. Valid values are [complex]\` and fail \`bundle validate
--strict\`. Plain values need no type; a map default without \`type: complex\` is accepted.
Fix: delete the \`type:\` line (or write \`type: complex\` for a map/list variable).
Reference: https://docs.databricks.com/dev-tools/bundles/variables`,
  breaksDeploy: false,
  run(bundle) {
    const findings: RawFinding[] = [];
    const variables = getMap(bundle.base, 'variables');
    for (const [name, node] of variables?.entries ?? []) {
      const typeNode = asMap(node)?.entries.get('type');
      const type = asString(typeNode);
      if (!typeNode || type === undefined || type === '' || type === 'complex') continue;
      findings.push({
        check: 'variable-type-invalid',
        message: `invalid value "${type}" for enum field. Valid values are [complex] (at variables.${name}.type)`,
        loc: typeNode.loc,
        evidence: evidenceAt(bundle, typeNode.loc, 0, 0),
        impact: '`bundle validate --strict` fails; the type is ignored otherwise.',
        fix: { text: `Remove \`type: ${type}\` from variable ${name} (only \`complex\` is a valid type).` },
      });
    }
    return findings;
  },
};
