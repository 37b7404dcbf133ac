import type { Check, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { isNull } from './lib/nodes.js';
import { resourceOf } from './lib/references.js';
import { collectTyped, typedMemo } from './lib/typed-walk.js';

/**
 * Required fields another part of dab-ready reports: `bundle.name` (the loader, as critical), a
 * wheel task's `entry_point` (entry-point-missing, which knows the CLI's fallback).
 */
const REPORTED_ELSEWHERE: Record<string, string[]> = {
  'config.Bundle': ['name'],
  'jobs.PythonWheelTask': ['entry_point'],
};

/** An alert defined by a `.dbalert.json` file (file_path) takes these fields from the file. */
const FROM_ALERT_FILE = new Set(['display_name', 'evaluation', 'query_text', 'schedule']);

const requiredMemo = typedMemo<RawFinding>();

export const requiredFieldMissing: Check = {
  id: 'required-field-missing',
  category: 'Bundle Configuration',
  severity: 'high',
  effortHours: 0.1,
  title: 'Required fields are set',
  successMessage: 'Every object sets the fields the CLI’s schema marks required.',
  docs: `\`bundle validate\` warns \`required field "<name>" is not set\` for every field the CLI's bundle schema
marks required, in every resource type: a task's \`task_key\`, a for_each_task's \`inputs\` and inner \`task\`, a
notebook_task's \`notebook_path\`, a job cluster's \`job_cluster_key\`, a volume's \`catalog_name\`/\`schema_name\`/\`name\`,
a Vector Search endpoint's \`endpoint_type\`, a permission's \`level\`, ... Validate only warns; \`bundle deploy\` then
fails when the API rejects the incomplete object.
Fix: set the field (values may come from variables).
Reference: databricks-bundles.md §7, §9; CLI bundle/config/validate/required.go (warnForMissingFields).`,
  breaksDeploy: true,
  run(bundle, target) {
    return collectTyped(requiredMemo, bundle, target, {
      struct(map, type, path) {
        if (type.required.length === 0) return [];
        const found: RawFinding[] = [];
        const skip = REPORTED_ELSEWHERE[type.name];
        const alertFile = type.name === 'resources.Alert' && !isNull(map.entries.get('file_path'));
        for (const field of type.required) {
          if (!isNull(map.entries.get(field)) || skip?.includes(field) || (alertFile && FROM_ALERT_FILE.has(field))) continue;
          const at = path();
          const resource = resourceOf(at);
          found.push({
            check: 'required-field-missing',
            message: `required field "${field}" is not set (at ${at})`,
            loc: map.loc,
            ...(resource ? { resources: [resource] } : {}),
            evidence: evidenceAt(bundle, map.loc, 1, 2),
            impact: '`bundle validate` warns; `bundle deploy` fails when the API rejects the object.',
            fix: { text: `Set \`${field}\` in ${at}.` },
          });
        }
        return found;
      },
    });
  },
};
