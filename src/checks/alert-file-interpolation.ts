import type { Check, RawFinding } from '../model.js';
import { containsReference } from '../project/reference.js';
import { evidenceAt } from './lib/evidence.js';
import { asString, get } from './lib/nodes.js';
import { isRemotePath, resolveRelative } from './lib/paths.js';

export const alertFileInterpolation: Check = {
  id: 'alert-file-interpolation',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.25,
  title: 'Alert files hold no ${...}',
  successMessage: 'No .dbalert.json file an alert loads contains ${...} references.',
  docs: `An alert defined by a file (\`file_path: ./x.dbalert.json\`) is loaded as it is: the CLI does not interpolate it and
refuses \`\${...}\` inside it (\`.alert file x.dbalert.json must not contain variable interpolations.\`).
Fix: inline the alert configuration in the bundle configuration to use variables, or write literal values in the file.
Reference: https://docs.databricks.com/dev-tools/bundles/resources ; https://github.com/databricks/cli/tree/main/acceptance/bundle/resources/alerts/with_file_variable_interpolation_error`,
  breaksDeploy: true,
  run(bundle, target) {
    const findings: RawFinding[] = [];
    for (const alert of target.resources.get('alerts')?.values() ?? []) {
      const node = get(alert.node, 'file_path');
      const raw = asString(node);
      if (!node || !raw || raw.includes('${') || isRemotePath(raw)) continue;
      const rel = resolveRelative(node.loc, raw);
      const text = bundle.fileIndex.read(rel);
      if (text === undefined || !containsReference(text)) continue;
      findings.push({
        check: 'alert-file-interpolation',
        message: `.alert file ${rel} must not contain variable interpolations.`,
        loc: node.loc,
        resources: [alert.address],
        evidence: evidenceAt(bundle, node.loc, 0, 0),
        impact: `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name}.`,
        fix: { text: 'Please inline the alert configuration in the bundle configuration to use variables.' },
      });
    }
    return findings;
  },
};
