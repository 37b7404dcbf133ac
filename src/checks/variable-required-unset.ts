import type { Check, Loc, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { asMap } from './lib/nodes.js';

export const variableRequiredUnset: Check = {
  id: 'variable-required-unset',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.25,
  title: 'Required variables have a value',
  successMessage: 'Every declared variable has a default, a lookup or a value for each target.',
  docs: `A variable declared without \`default\` or \`lookup\` (an empty \`default:\` counts as none) is required:
unless the selected target assigns it, or \`--var\`, \`BUNDLE_VAR_<name>\` or
.databricks/bundle/<target>/variable-overrides.json supply it, \`bundle validate\` fails with
\`no value assigned to required variable <name>\` - even if nothing uses the variable. Values that only
exist on a developer's machine (a local overrides file, an exported env var) make CI fail.
Fix: give the variable a default, assign it under \`targets.<t>.variables\`, or pass it in CI with
\`--var name=value\` / \`BUNDLE_VAR_<name>\` (dab-ready's \`vars\` input).
Reference: databricks-bundles.md §3 "Setting values", pitfall 7.`,
  breaksDeploy: true,
  run(bundle, target) {
    const findings: RawFinding[] = [];
    for (const [name, v] of target.variables) {
      if (v.value !== undefined || v.source !== undefined || v.def.lookup) continue;
      const dflt = asMap(v.def.node)?.entries.get('default');
      const loc: Loc = dflt?.loc ?? v.def.loc;
      findings.push({
        check: 'variable-required-unset',
        message:
          `no value assigned to required variable ${name}. Variables are usually assigned in databricks.yml, and they can be ` +
          `overridden using "--var", the BUNDLE_VAR_${name} environment variable, or .databricks/bundle/${target.name}/variable-overrides.json`,
        loc,
        evidence: evidenceAt(bundle, v.def.loc, 0, 2),
        impact: `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name}.`,
        fix: {
          text: `Add \`default: ...\` to variable ${name}, assign it under \`targets.${target.name}.variables\`, or pass \`--var ${name}=...\` / BUNDLE_VAR_${name} in CI.`,
        },
      });
    }
    return findings;
  },
};
