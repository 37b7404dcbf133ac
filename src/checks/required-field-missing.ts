import type { Bundle, Check, Loc, Node, RawFinding, TargetView } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { asMap, asSeq, asString, get, isNull } from './lib/nodes.js';
import { resourceOf } from './lib/references.js';
import { collectTyped, typedMemo } from './lib/typed-walk.js';

/**
 * Required fields another part of dab-ready reports: `bundle.name` (the loader, as critical), a
 * wheel task's `entry_point` (entry-point-missing, which knows the CLI's fallback).
 */
const REPORTED_ELSEWHERE: Record<string, string[]> = {
  'config.Bundle': ['name'],
  'jobs.PythonWheelTask': ['entry_point'],
  // The CLI converts served_models to served_entities before it validates (ModelServingEndpointFixups).
  'serving.ServedModelInput': ['model_name', 'model_version', 'scale_to_zero_enabled'],
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
Reference: https://docs.databricks.com/dev-tools/cli/bundle-commands#validate ; https://github.com/databricks/cli/blob/main/bundle/config/validate/required.go`,
  breaksDeploy: true,
  run(bundle, target) {
    const errors = bespokeErrors(bundle, target);
    return errors.concat(collectTyped(requiredMemo, bundle, target, {
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
    }));
  },
};

/** Unset, null or '' (what required.go's isMissingOrEmptyString treats as missing). */
function missingString(node: Node | undefined): boolean {
  return isNull(node) || asString(node) === '';
}

/**
 * The required fields the CLI checks with its own code and reports as errors
 * (cli bundle/config/validate/required.go: errorForMissingFields, errorForInvalidGrants,
 * errorForInvalidSecretScopePermissions).
 */
function bespokeErrors(bundle: Bundle, target: TargetView): RawFinding[] {
  const findings: RawFinding[] = [];
  const error = (message: string, loc: Loc, address: string, fix: string): RawFinding => ({
    check: 'required-field-missing',
    severity: 'critical',
    message,
    loc,
    resources: [address],
    evidence: evidenceAt(bundle, loc, 1, 2),
    impact: `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name}.`,
    fix: { text: fix },
  });
  for (const dashboard of target.resources.get('dashboards')?.values() ?? []) {
    if (missingString(dashboard.node.entries.get('display_name'))) {
      findings.push(error(`dashboard display_name is required (resources.${dashboard.address})`, dashboard.node.loc, dashboard.address, 'Set display_name.'));
    }
    if (missingString(dashboard.node.entries.get('warehouse_id'))) {
      findings.push(error(`dashboard warehouse_id is required (resources.${dashboard.address})`, dashboard.node.loc, dashboard.address, 'Set warehouse_id.'));
    }
  }
  for (const warehouse of target.resources.get('sql_warehouses')?.values() ?? []) {
    if ((asString(warehouse.node.entries.get('name')) ?? '').trim() === '') {
      findings.push(error(`sql_warehouse name is required (resources.${warehouse.address})`, warehouse.node.loc, warehouse.address, 'Set a name that is not blank.'));
    }
  }
  for (const [type, byKey] of target.resources) {
    for (const resource of byKey.values()) {
      (asSeq(resource.node.entries.get('grants'))?.items ?? []).forEach((grant, i) => {
        const at = `resources.${resource.address}.grants[${i}]`;
        if (missingString(get(grant, 'principal'))) findings.push(error(`grant principal is required (${at})`, grant.loc, resource.address, 'Set the principal (a user, group or service principal).'));
        const privileges = get(grant, 'privileges');
        if (isNull(privileges) || (privileges!.kind === 'seq' && privileges!.items.length === 0)) {
          findings.push(error(`grant privileges is required (${at})`, grant.loc, resource.address, 'List at least one privilege.'));
        }
      });
      if (type !== 'secret_scopes') continue;
      (asSeq(resource.node.entries.get('permissions'))?.items ?? []).forEach((permission, i) => {
        const p = asMap(permission);
        if (p && ['user_name', 'group_name', 'service_principal_name'].some((f) => !missingString(p.entries.get(f)))) return;
        findings.push(
          error(`secret scope permission principal is required (resources.${resource.address}.permissions[${i}])`, resource.node.loc, resource.address, 'Set one of user_name, group_name or service_principal_name.'),
        );
      });
    }
  }
  return findings;
}
