import type { Check, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { getMap, isNull } from './lib/nodes.js';

export const artifactNotConfigured: Check = {
  id: 'artifact-not-configured',
  category: 'Python Package Build',
  severity: 'critical',
  effortHours: 0.1,
  title: 'Every artifact has properties',
  successMessage: 'Every entry under `artifacts:` declares its properties.',
  docs: `An \`artifacts.<name>\` key without a body (typically all its lines commented out) fails
\`bundle validate\` with \`Artifact not properly configured\` / \`please specify artifact properties\`.
Fix: give the artifact \`type\`/\`build\`/\`path\`, or delete the key.
Reference: https://docs.databricks.com/dev-tools/bundles/settings#artifacts ; https://github.com/databricks/cli/issues/3017 ; https://github.com/databricks/cli/tree/main/acceptance/bundle/artifacts/nil_artifacts`,
  breaksDeploy: true,
  run(bundle, target) {
    const findings: RawFinding[] = [];
    const artifacts = getMap(target.config, 'artifacts');
    for (const [name, body] of artifacts?.entries ?? []) {
      if (!isNull(body)) continue;
      const loc = artifacts!.keyLocs.get(name) ?? body.loc;
      findings.push({
        check: 'artifact-not-configured',
        message: `Artifact not properly configured: please specify artifact properties for ${name}`,
        loc,
        resources: [`artifacts.${name}`],
        evidence: evidenceAt(bundle, loc, 0, 2),
        impact: `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name}.`,
        fix: { text: `Give artifacts.${name} its properties (e.g. \`type: whl\`, \`build: uv build --wheel\`, \`path: .\`) or remove it.` },
      });
    }
    return findings;
  },
};
