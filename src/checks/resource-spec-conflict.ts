import type { Check, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { get, isNull } from './lib/nodes.js';

export const resourceSpecConflict: Check = {
  id: 'resource-spec-conflict',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.25,
  title: 'Resources are specified one way',
  successMessage: 'No Genie space sets both file_path and serialized_space, no serving endpoint both served_models and served_entities.',
  docs: `Some resources can be specified in two ways, but only one at a time: a Genie space's \`file_path\` or its
inline \`serialized_space\` (\`both file_path and serialized_space are set; specify only one\`), a model serving
endpoint's \`served_models\` or \`served_entities\` (\`Cannot use both served_models and served_entities\`). Both fail
\`bundle validate\`. \`served_models\` alone is deprecated: the CLI converts it and warns \`Using served_models is
deprecated\`.
Fix: keep one of the two; move \`served_models\` entries to \`served_entities\` (entity_name, entity_version).
Reference: https://docs.databricks.com/dev-tools/bundles/resources ; https://github.com/databricks/cli/blob/main/bundle/config/mutator/resourcemutator/resource_mutator.go ; https://github.com/databricks/cli/tree/main/acceptance/bundle/validate/genie_space_file_path_and_inline ; https://github.com/databricks/cli/tree/main/acceptance/bundle/validate/model_serving_both_fields_error`,
  breaksDeploy: true,
  run(bundle, target) {
    const findings: RawFinding[] = [];
    const impact = `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name}.`;
    for (const space of target.resources.get('genie_spaces')?.values() ?? []) {
      const inline = space.node.entries.get('serialized_space');
      if (isNull(space.node.entries.get('file_path')) || isNull(inline)) continue;
      findings.push({
        check: 'resource-spec-conflict',
        message: `both file_path and serialized_space are set; specify only one (resources.${space.address})`,
        loc: inline!.loc,
        resources: [space.address],
        evidence: evidenceAt(bundle, inline!.loc, 1, 1),
        impact,
        fix: { text: 'Keep file_path (the .geniespace.json file) or serialized_space, not both.' },
      });
    }
    for (const endpoint of target.resources.get('model_serving_endpoints')?.values() ?? []) {
      const models = get(endpoint.node, 'config', 'served_models');
      if (isNull(models)) continue;
      if (!isNull(get(endpoint.node, 'config', 'served_entities'))) {
        findings.push({
          check: 'resource-spec-conflict',
          message: `Cannot use both served_models and served_entities (resources.${endpoint.address})`,
          loc: endpoint.node.loc,
          resources: [endpoint.address],
          evidence: evidenceAt(bundle, models!.loc, 1, 1),
          impact,
          fix: { text: 'Move the served_models entries to served_entities and remove served_models.' },
        });
        continue;
      }
      findings.push({
        check: 'resource-spec-conflict',
        severity: 'medium',
        message: `Using served_models is deprecated (resources.${endpoint.address}); the CLI converts it to served_entities`,
        loc: models!.loc,
        resources: [endpoint.address],
        evidence: evidenceAt(bundle, models!.loc, 0, 1),
        impact: 'Works today; the served_models field is deprecated.',
        fix: { text: 'Write served_entities (entity_name, entity_version) instead of served_models (model_name, model_version).' },
      });
    }
    return findings;
  },
};
