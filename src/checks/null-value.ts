import type { Bundle, Check, RawFinding } from '../model.js';
import { oncePerBundle } from './lib/per-bundle.js';
import { evidenceAt } from './lib/evidence.js';
import { locKey } from './lib/nodes.js';
import { ROOT_SCHEMA } from './lib/schema.js';
import { walkSchema } from './lib/schemaWalk.js';

export const nullValue: Check = {
  id: 'null-value',
  category: 'Bundle Configuration',
  severity: 'medium',
  effortHours: 0.1,
  title: 'No string setting is left empty',
  successMessage: 'No string setting (host, name, paths, keys) is left without a value.',
  docs: `A key written without a value (\`host:\`) is null. For a string field the CLI warns
\`expected a string value, found null\` when it loads the file (for every target) and treats the field as
unset, so for example an empty \`workspace.host\` silently falls back to the profile or DATABRICKS_HOST,
possibly another workspace.
Fix: give the key a value or delete the line.
Reference: https://docs.databricks.com/dev-tools/bundles/settings ; https://github.com/databricks/cli/blob/main/libs/dyn/convert/normalize.go`,
  breaksDeploy: false,
  run: (bundle) => nullValueFindings(bundle),
};

/** Target-independent: computed once per bundle. */
const nullValueFindings = oncePerBundle((bundle: Bundle): RawFinding[] => {
  const findings: RawFinding[] = [];
  const seen = new Set<string>();
  for (const file of bundle.files.values()) {
    if (!file.root) continue;
    walkSchema(file.root, ROOT_SCHEMA, '', (v) => {
      if (v.problem !== 'null-string' || seen.has(locKey(v.loc))) return;
      seen.add(locKey(v.loc));
      findings.push({
        check: 'null-value',
        message: `expected a string value, found null: ${v.path}`,
        loc: v.loc,
        evidence: evidenceAt(bundle, v.loc, 0, 0),
        impact: `${v.path} is treated as unset.`,
        fix: { text: `Give \`${v.key}\` a value or remove the line.` },
      });
    });
  }
  return findings;
});
