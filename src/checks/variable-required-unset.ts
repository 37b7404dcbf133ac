import type { Check, Loc, RawFinding } from '../model.js';
import { ciSuppliedVariables } from './lib/ci-variables.js';
import { evidenceAt } from './lib/evidence.js';
import { asMap } from './lib/nodes.js';
import { includeRootCause } from './lib/unmatched-includes.js';
import { overridesFileUnreadable } from './variable-file-invalid.js';

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
When the repository's own CI supplies the variable (\`--var name=...\` or \`BUNDLE_VAR_name\` in
.github/workflows/*.yml, azure-pipelines.yml, .gitlab-ci.yml or a Makefile), the finding is info and
cites where. When an include outside the bundle matches nothing, the finding names it: that file may
be the one meant to define the variable.
Fix: give the variable a default, assign it under \`targets.<t>.variables\`, or pass it in CI with
\`--var name=value\` / \`BUNDLE_VAR_<name>\` (dab-ready's \`vars\` input).
Reference: https://docs.databricks.com/dev-tools/bundles/variables`,
  breaksDeploy: true,
  run(bundle, target) {
    const findings: RawFinding[] = [];
    // An overrides file the CLI cannot read fails first (variable-file-invalid): the values it may hold are its problem.
    if (overridesFileUnreadable(bundle, target.name)) return findings;
    const ci = ciSuppliedVariables(bundle);
    const rootCause = includeRootCause(bundle);
    for (const [name, v] of target.variables) {
      if (v.value !== undefined || v.source !== undefined || v.def.lookup) continue;
      const dflt = asMap(v.def.node)?.entries.get('default');
      const loc: Loc = dflt?.loc ?? v.def.loc;
      const evidence = evidenceAt(bundle, v.def.loc, 0, 2);
      const supplied = ci.get(name);
      if (supplied) {
        findings.push({
          check: 'variable-required-unset',
          severity: 'info',
          breaksDeploy: false,
          message: `required variable ${name} has no value in the bundle; the repository's CI supplies it (${supplied.file}:${supplied.line}: ${supplied.text})`,
          loc,
          evidence,
          impact: `Only commands run with that value (CI, or \`--var ${name}=...\` / BUNDLE_VAR_${name} locally) can validate and deploy the targets listed.`,
          fix: { text: `Nothing to do for CI. To run bundle commands elsewhere, pass \`--var ${name}=...\` or set BUNDLE_VAR_${name}, as ${supplied.file} does.` },
        });
        continue;
      }
      const standard = `Add \`default: ...\` to variable ${name}, assign it under \`targets.<target>.variables\` for each target listed, or pass \`--var ${name}=...\` / BUNDLE_VAR_${name} in CI.`;
      findings.push({
        check: 'variable-required-unset',
        message:
          `no value assigned to required variable ${name}. Variables are usually assigned in databricks.yml, and they can be ` +
          `overridden using "--var", the BUNDLE_VAR_${name} environment variable, or .databricks/bundle/<target>/variable-overrides.json` +
          (rootCause?.note ?? ''),
        loc,
        evidence,
        impact: '`bundle validate` and `bundle deploy` fail for the targets listed.',
        fix: { text: rootCause ? `${rootCause.fix} Otherwise: ${standard[0].toLowerCase()}${standard.slice(1)}` : standard },
      });
    }
    return findings;
  },
};
