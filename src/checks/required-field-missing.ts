import type { Check, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { isNull } from './lib/nodes.js';
import { collectOverMaps, mapsMemo } from './lib/resource-walk.js';
import { pathShape, resourceOf, rulesPerShape } from './lib/references.js';

interface RequiredRule {
  /** Matches the object's config path with indexes removed and resource keys as `*`. */
  at: RegExp;
  fields: string[];
}

const TASK = String.raw`^resources\.jobs\.\*\.tasks(?:\.for_each_task\.task)?`;

// A subset of the CLI's bundle/internal/validation/generated/required_fields.go: the fields whose
// absence the APIs reject. python_wheel_task.entry_point is the entry-point-missing check's.
const RULES: RequiredRule[] = [
  { at: new RegExp(`${TASK}$`), fields: ['task_key'] },
  { at: new RegExp(`${TASK}\\.for_each_task$`), fields: ['inputs', 'task'] },
  { at: new RegExp(`${TASK}\\.notebook_task$`), fields: ['notebook_path'] },
  { at: new RegExp(`${TASK}\\.spark_python_task$`), fields: ['python_file'] },
  { at: new RegExp(`${TASK}\\.python_wheel_task$`), fields: ['package_name'] },
  { at: new RegExp(`${TASK}\\.pipeline_task$`), fields: ['pipeline_id'] },
  { at: new RegExp(`${TASK}\\.run_job_task$`), fields: ['job_id'] },
  { at: new RegExp(`${TASK}\\.sql_task$`), fields: ['warehouse_id'] },
  { at: new RegExp(`${TASK}\\.dbt_task$`), fields: ['commands'] },
  { at: new RegExp(`${TASK}\\.condition_task$`), fields: ['op', 'left', 'right'] },
  { at: new RegExp(`${TASK}\\.depends_on$`), fields: ['task_key'] },
  { at: /^resources\.jobs\.\*\.job_clusters$/, fields: ['job_cluster_key', 'new_cluster'] },
  { at: /^resources\.jobs\.\*\.environments$/, fields: ['environment_key'] },
  { at: /^resources\.experiments\.\*$/, fields: ['name'] },
  { at: /^resources\.schemas\.\*$/, fields: ['catalog_name', 'name'] },
  { at: /^resources\.volumes\.\*$/, fields: ['catalog_name', 'name', 'schema_name'] },
  { at: /^resources\.registered_models\.\*$/, fields: ['catalog_name', 'name', 'schema_name'] },
];

const rulesAt = rulesPerShape(RULES, (rule, shape) => rule.at.test(shape));

const requiredMemo = mapsMemo<RawFinding>();

export const requiredFieldMissing: Check = {
  id: 'required-field-missing',
  category: 'Bundle Configuration',
  severity: 'high',
  effortHours: 0.1,
  title: 'Required fields are set',
  successMessage: 'Tasks, job clusters, for_each tasks and UC resources set their required fields.',
  docs: `\`bundle validate\` warns \`required field "<name>" is not set\` for fields the API requires: a task's
\`task_key\`, a for_each_task's \`inputs\` and inner \`task\`, a notebook_task's \`notebook_path\`, a job
cluster's \`job_cluster_key\`, a volume's \`catalog_name\`/\`schema_name\`/\`name\`, ... Validate only warns;
\`bundle deploy\` then fails when the API rejects the incomplete object.
Fix: set the field (values may come from variables).
Reference: https://docs.databricks.com/dev-tools/cli/bundle-commands#validate ; https://github.com/databricks/cli/blob/main/bundle/internal/validation/generated/required_fields.go`,
  breaksDeploy: true,
  run(bundle, target) {
    const findings: RawFinding[] = [];
    const resources = target.config.entries.get('resources');
    if (resources?.kind !== 'map') return findings;
    collectOverMaps(requiredMemo, bundle, resources, 'resources', ({ map, path }) => {
      const found: RawFinding[] = [];
      for (const rule of rulesAt(pathShape(path))) {
        for (const field of rule.fields) {
          if (!isNull(map.entries.get(field))) continue;
          const resource = resourceOf(path);
          found.push({
            check: 'required-field-missing',
            message: `required field "${field}" is not set (at ${path})`,
            loc: map.loc,
            ...(resource ? { resources: [resource] } : {}),
            evidence: evidenceAt(bundle, map.loc, 1, 2),
            impact: '`bundle validate` warns; `bundle deploy` fails when the API rejects the object.',
            fix: { text: `Set \`${field}\` in ${path}.` },
          });
        }
      }
      return found;
    }, findings);
    return findings;
  },
};
