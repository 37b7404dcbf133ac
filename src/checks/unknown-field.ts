import type { Bundle, Check, RawFinding } from '../model.js';
import { oncePerBundle } from './lib/per-bundle.js';
import { anchorOnlyTopLevelKeys } from './lib/anchors.js';
import { evidenceAt } from './lib/evidence.js';
import { locKey } from './lib/nodes.js';
import { resourceOf } from './lib/references.js';
import { ROOT_SCHEMA, type Schema } from './lib/schema.js';
import { walkSchema } from './lib/schemaWalk.js';
import { closeMatches } from './lib/suggest.js';

export const unknownField: Check = {
  id: 'unknown-field',
  category: 'Bundle Configuration',
  severity: 'medium',
  effortHours: 0.25,
  title: 'No unknown configuration keys',
  successMessage: 'Every configuration key is one the Databricks CLI knows.',
  docs: `The CLI reads configuration into typed structures; a key it does not know raises
\`Warning: unknown field: <key>\` and is then **dropped**: a misspelt \`trigger\` setting, a \`description\` on an
MLflow experiment or a resource type that an older CLI does not support silently does nothing (the
job deploys without its schedule). Top-level keys that only hold YAML anchors (\`x-common: &common ...\`)
are exempt. dab-ready knows the keys of the top level, bundle, workspace, targets, variables,
artifacts, resources, jobs, tasks, triggers and experiments.
Fix: correct the key (see the suggestion) or remove it; pin \`bundle.databricks_cli_version\` when you
rely on recently added resource types.
Reference: https://docs.databricks.com/dev-tools/bundles/settings ; https://docs.databricks.com/dev-tools/bundles/resources`,
  breaksDeploy: false,
  run: (bundle) => unknownFieldFindings(bundle),
};

/** The keys the schema knows at a config path (for suggestions). */
function knownKeys(path: string): string[] {
  let schema: Schema = ROOT_SCHEMA;
  for (const seg of path.split('.').filter(Boolean)) {
    const name = seg.replace(/\[\d+\]/g, '');
    const indexes = (seg.match(/\[\d+\]/g) ?? []).length;
    if (schema.kind === 'object') schema = schema.fields[name] ?? { kind: 'any' };
    else if (schema.kind === 'mapOf') schema = schema.value;
    else return [];
    for (let i = 0; i < indexes; i++) schema = schema.kind === 'seqOf' ? schema.item : { kind: 'any' };
  }
  return schema.kind === 'object' ? Object.keys(schema.fields).sort() : [];
}

/** Target-independent: computed once per bundle. */
const unknownFieldFindings = oncePerBundle((bundle: Bundle): RawFinding[] => {
  const findings: RawFinding[] = [];
  const seen = new Set<string>();
  const files = [...bundle.files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of files) {
    if (!file.root) continue;
    const anchorKeys = anchorOnlyTopLevelKeys(file);
    walkSchema(file.root, ROOT_SCHEMA, '', (v) => {
      if (v.problem !== 'unknown') return;
      if (!v.path.includes('.') && anchorKeys.has(v.key)) return;
      const id = `${locKey(v.loc)}:${v.key}`;
      if (seen.has(id)) return;
      seen.add(id);
      const parentPath = v.path.slice(0, -(v.key.length + 1));
      const known = knownKeys(parentPath);
      const close = closeMatches(v.key, known);
      const resource = resourceOf(v.path.replace(/^targets\.[^.]+\./, ''));
      findings.push({
        check: 'unknown-field',
        message: `unknown field: ${v.key}${parentPath ? ` (at ${parentPath})` : ''}`,
        loc: v.loc,
        ...(resource ? { resources: [resource] } : {}),
        evidence: evidenceAt(bundle, v.loc, 0, 1),
        impact: 'The CLI ignores the key: the setting it was meant to make is silently not applied.',
        fix: {
          text: close.length > 0
            ? `Did you mean ${close.map((c) => `\`${c}\``).join(' or ')}? Otherwise remove \`${v.key}\`.`
            : `Remove \`${v.key}\` or move it where the schema expects it${known.length > 0 && known.length <= 12 ? ` (known here: ${known.join(', ')})` : ''}.`,
        },
      });
    });
  }
  return findings;
});
