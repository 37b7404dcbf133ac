import type { Check, Node, RawFinding, Resource } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { asString, get } from './lib/nodes.js';

interface Rule {
  type: string;
  /** The field, as a path inside the resource. */
  field: string[];
  message: (resource: Resource, value: string) => string;
  /** Report at the resource (the CLI's location) rather than at the field. */
  atResource?: boolean;
}

const MANAGED = 'must not be set in bundle configuration; it is managed by Declarative Automation Bundles';

// cli bundle/config/validate/validate_deployment_fields.go, validate_dashboard_etags.go,
// validate_genie_space_etags.go, validate_job_run_idempotency_token.go
const RULES: Rule[] = [
  { type: 'jobs', field: ['deployment', 'deployment_id'], message: () => `deployment_id ${MANAGED}` },
  { type: 'jobs', field: ['deployment', 'version_id'], message: () => `version_id ${MANAGED}` },
  { type: 'pipelines', field: ['deployment', 'deployment_id'], message: () => `deployment_id ${MANAGED}` },
  { type: 'pipelines', field: ['deployment', 'version_id'], message: () => `version_id ${MANAGED}` },
  {
    type: 'dashboards',
    field: ['etag'],
    atResource: true,
    message: (r) => `dashboard "${asString(get(r.node, 'display_name')) ?? ''}" has an etag set. Etags must not be set in bundle configuration`,
  },
  {
    type: 'genie_spaces',
    field: ['etag'],
    atResource: true,
    message: (r) => `genie space "${asString(get(r.node, 'title')) ?? ''}" has an etag set. Etags must not be set in bundle configuration`,
  },
  { type: 'job_runs', field: ['idempotency_token'], message: () => 'idempotency_token must not be set in bundle configuration; the CLI sets it on each run-now request' },
];

export const managedFieldSet: Check = {
  id: 'managed-field-set',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.1,
  title: 'Fields the CLI manages are not set',
  successMessage: 'No deployment_id, version_id, etag or idempotency_token is written in the configuration.',
  docs: `The CLI sets some fields itself on every deploy and refuses a configuration that writes them: a job's or
pipeline's \`deployment.deployment_id\` / \`deployment.version_id\` (\`... must not be set in bundle configuration; it is
managed by Declarative Automation Bundles\`), a dashboard's or Genie space's \`etag\` (\`... has an etag set. Etags must
not be set in bundle configuration\`), a job run's \`idempotency_token\`.
Fix: remove the field.
Reference: https://github.com/databricks/cli/blob/main/bundle/config/validate/validate_deployment_fields.go ; https://github.com/databricks/cli/blob/main/bundle/config/validate/validate_dashboard_etags.go ; https://github.com/databricks/cli/blob/main/bundle/config/validate/validate_genie_space_etags.go ; https://github.com/databricks/cli/blob/main/bundle/config/validate/validate_job_run_idempotency_token.go`,
  breaksDeploy: true,
  run(bundle, target) {
    const findings: RawFinding[] = [];
    for (const rule of RULES) {
      for (const resource of target.resources.get(rule.type)?.values() ?? []) {
        const node: Node | undefined = get(resource.node, ...rule.field);
        const value = asString(node);
        if (!node || value === undefined || value === '') continue;
        const loc = rule.atResource ? resource.node.loc : node.loc;
        findings.push({
          check: 'managed-field-set',
          message: `${rule.message(resource, value)} (resources.${resource.address}.${rule.field.join('.')})`,
          loc,
          resources: [resource.address],
          evidence: evidenceAt(bundle, node.loc, 0, 0),
          impact: `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name}.`,
          fix: { text: `Remove ${rule.field.join('.')} from ${resource.address}.` },
        });
      }
    }
    return findings;
  },
};
