import type { Check, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { configSections, referenceScalars, resourceOf } from './lib/references.js';
import { closeMatches } from './lib/suggest.js';

const RESOURCE_REF = /\$\{resources\.([A-Za-z0-9_-]+)(?:\.([A-Za-z0-9_-]+))?([^}]*)\}/g;

export const resourceReferenceInvalid: Check = {
  id: 'resource-reference-invalid',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.5,
  title: '${resources.*} references name declared resources',
  successMessage: 'Every ${resources.<type>.<key>...} reference names a resource the target declares.',
  docs: `\`\${resources.<type>.<key>.<field>}\` references are left alone by \`bundle validate\` and resolved during
deploy, so a typo in the resource type or key passes validation and fails \`bundle deploy\`
(direct engine: \`cannot resolve "\${resources...}"\`; terraform: \`Unsupported attribute\`). References are
checked per target: a resource defined only under another target's \`resources\` is missing here.
Fix: use the resource type (plural, e.g. \`jobs\`) and key exactly as declared under \`resources:\`.
Reference: https://docs.databricks.com/dev-tools/bundles/variables#substitutions`,
  breaksDeploy: true,
  run(bundle, target) {
    const findings: RawFinding[] = [];
    for (const [key, value] of configSections(target)) {
      for (const { node, text: written, path } of referenceScalars(value, key)) {
        if (!written.includes('${resources.')) continue;
        for (const m of written.matchAll(RESOURCE_REF)) {
          const [text, type, resKey] = m;
          const byType = target.resources.get(type);
          let message: string | undefined;
          let suggestion: string[] = [];
          if (!byType) {
            suggestion = closeMatches(type, target.resources.keys(), 3);
            message = `${text} names resource type "${type}", which target ${target.name} does not declare`;
          } else if (!resKey || !byType.has(resKey)) {
            suggestion = resKey ? closeMatches(resKey, byType.keys(), 3) : [];
            message = `${text} names ${type}.${resKey ?? ''}, which target ${target.name} does not declare`;
          }
          if (!message) continue;
          const resource = resourceOf(path);
          findings.push({
            check: 'resource-reference-invalid',
            message: `cannot resolve "${text}": ${message}`,
            loc: node.loc,
            ...(resource ? { resources: [resource] } : {}),
            evidence: evidenceAt(bundle, node.loc, 0, 0),
            impact: '`bundle validate` passes but `bundle deploy` fails when it resolves the reference.',
            fix: {
              text: suggestion.length > 0
                ? `Did you mean ${suggestion.map((s) => (byType ? `resources.${type}.${s}` : `resources.${s}`)).join(' or ')}?`
                : `Declare the resource under \`resources.${type}\` for target ${target.name}, or fix the reference.`,
            },
          });
        }
      }
    }
    return findings;
  },
};
