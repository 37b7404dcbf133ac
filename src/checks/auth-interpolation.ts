import type { Check, RawFinding } from '../model.js';
import { containsReference } from '../project/reference.js';
import { evidenceAt } from './lib/evidence.js';
import { getMap } from './lib/nodes.js';

/**
 * `workspace` fields that configure authentication, with the environment variable that sets each
 * at run time (cli bundle/config/validate/interpolation_in_auth_config.go, SDK config attributes).
 */
const AUTH_FIELDS: Record<string, string> = {
  host: 'DATABRICKS_HOST',
  profile: 'DATABRICKS_CONFIG_PROFILE',
  auth_type: 'DATABRICKS_AUTH_TYPE',
  metadata_service_url: 'DATABRICKS_METADATA_SERVICE_URL',
  client_id: 'DATABRICKS_CLIENT_ID',
  google_service_account: 'DATABRICKS_GOOGLE_SERVICE_ACCOUNT',
  azure_resource_id: 'DATABRICKS_AZURE_RESOURCE_ID',
  azure_use_msi: 'ARM_USE_MSI',
  azure_client_id: 'ARM_CLIENT_ID',
  azure_tenant_id: 'ARM_TENANT_ID',
  azure_environment: 'ARM_ENVIRONMENT',
  azure_login_app_id: 'DATABRICKS_AZURE_LOGIN_APP_ID',
  account_id: 'DATABRICKS_ACCOUNT_ID',
  workspace_id: 'DATABRICKS_WORKSPACE_ID',
};

export const authInterpolation: Check = {
  id: 'auth-interpolation',
  category: 'Bundle Configuration',
  severity: 'high',
  effortHours: 0.25,
  title: 'Authentication fields are literal',
  successMessage: 'No workspace authentication field (host, profile, auth_type, client_id, ...) uses ${...}.',
  docs: `The CLI authenticates before it resolves variables, so \`\${...}\` is not interpolated in the
\`workspace\` fields that configure authentication (host, profile, auth_type, client_id, account_id,
azure_*, ...): \`Warning: Variable interpolation is not supported for fields that configure
authentication\`. The literal text is used instead: \`workspace.host: \${var.host}\` then fails every command
with \`failed during request visitor: parse "https://\${var.host}": invalid character "{" in host name\`, a
profile named \`\${var.profile}\` does not exist, and so on.
Fix: write the value per target (\`targets.<t>.workspace.host: https://...\`), or leave it out and set
the environment variable the CLI names (DATABRICKS_HOST, DATABRICKS_CONFIG_PROFILE, ...).
Reference: https://docs.databricks.com/dev-tools/bundles/variables ; https://github.com/databricks/cli/blob/main/bundle/config/validate/interpolation_in_auth_config.go ; https://github.com/databricks/cli/tree/main/acceptance/bundle/variables/host`,
  breaksDeploy: true,
  run(bundle, target) {
    const workspace = getMap(target.config, 'workspace');
    if (!workspace) return [];
    const findings: RawFinding[] = [];
    for (const [field, envVar] of Object.entries(AUTH_FIELDS)) {
      const node = workspace.entries.get(field);
      if (node?.kind !== 'scalar' || typeof node.value !== 'string' || !containsReference(node.value)) continue;
      const host = field === 'host';
      findings.push({
        check: 'auth-interpolation',
        ...(host ? { severity: 'critical' as const } : {}),
        message:
          `Variable interpolation is not supported for fields that configure authentication: workspace.${field} is ${node.value}` +
          // the SDK puts https:// in front of a host without a scheme before it parses it
          (host ? `; the CLI then fails with: failed during request visitor: parse "${node.value.includes('://') ? '' : 'https://'}${node.value}": invalid character "{" in host name` : ''),
        loc: node.loc,
        evidence: evidenceAt(bundle, node.loc, 0, 0),
        impact: host
          ? '`bundle validate`, `bundle deploy` and every other bundle command fail: the host is the literal text.'
          : `The literal text ${node.value} is used as ${field}: authentication fails or uses the wrong identity.`,
        fix: { text: `Write workspace.${field} literally per target, or remove it and set the ${envVar} environment variable if you wish to configure this field at runtime.` },
      });
    }
    return findings;
  },
};
