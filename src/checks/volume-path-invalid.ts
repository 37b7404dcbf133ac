import type { Check, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { asString, getMap } from './lib/nodes.js';

/** The workspace paths that must not be UC volumes, in the CLI's order (validate_volume_path.go). */
const NOT_ON_VOLUMES = ['root_path', 'file_path', 'state_path', 'resource_path'];

export const volumePathInvalid: Check = {
  id: 'volume-path-invalid',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.25,
  title: 'Workspace paths are valid for their kind',
  successMessage: 'Only workspace.artifact_path points into a UC volume, and it names catalog, schema and volume.',
  docs: `Only \`workspace.artifact_path\` may be a Unity Catalog volume. A \`root_path\`, \`file_path\`, \`state_path\` or
\`resource_path\` under /Volumes fails \`bundle validate\`: \`workspace.file_path /Volumes/x starts with /Volumes.
/Volumes can only be used with workspace.artifact_path.\` An \`artifact_path\` under /Volumes must read
/Volumes/<catalog>/<schema>/<volume>/...; whether that volume exists is checked against the workspace
(not statically).
Fix: keep the bundle's files, state and resources in the workspace file system; point only artifact_path to a volume.
Reference: https://docs.databricks.com/dev-tools/bundles/settings#workspace ; https://github.com/databricks/cli/blob/main/bundle/config/validate/validate_volume_path.go ; https://github.com/databricks/cli/blob/main/bundle/config/validate/validate_artifact_path.go`,
  breaksDeploy: true,
  run(bundle, target) {
    const workspace = getMap(target.config, 'workspace');
    if (!workspace) return [];
    const findings: RawFinding[] = [];
    const valueOf = (field: string) => {
      const node = workspace.entries.get(field);
      const text = asString(node);
      if (!node || text === undefined) return undefined;
      return { node, value: text.includes('${') ? target.interpolate(text, node.loc).value : text };
    };
    for (const field of NOT_ON_VOLUMES) {
      const found = valueOf(field);
      if (!found?.value.startsWith('/Volumes/')) continue;
      findings.push({
        check: 'volume-path-invalid',
        message: `workspace.${field} ${found.value} starts with /Volumes. /Volumes can only be used with workspace.artifact_path.`,
        loc: found.node.loc,
        evidence: evidenceAt(bundle, found.node.loc, 0, 0),
        impact: `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name}.`,
        fix: { text: `Point workspace.${field} into the workspace file system (e.g. /Workspace/...); only artifact_path may be a volume.` },
      });
      if (field === 'root_path') return findings;
    }
    const artifact = valueOf('artifact_path');
    if (artifact?.value.startsWith('/Volumes/') && !artifact.value.includes('${')) {
      const [, , catalog, schema, volume] = artifact.value.split('/');
      if (!catalog || !schema || !volume) {
        findings.push({
          check: 'volume-path-invalid',
          message: `expected UC volume path to be in the format /Volumes/<catalog>/<schema>/<volume>/..., got ${artifact.value}`,
          loc: artifact.node.loc,
          evidence: evidenceAt(bundle, artifact.node.loc, 0, 0),
          impact: `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name}.`,
          fix: { text: 'Write workspace.artifact_path as /Volumes/<catalog>/<schema>/<volume>/<folder>.' },
        });
      }
    }
    return findings;
  },
};
