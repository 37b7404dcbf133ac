import type { Check, RawFinding } from '../model.js';
import { findReferences } from '../project/interpolate.js';
import { evidenceAt } from './lib/evidence.js';
import { asSeq, asString, get, walkScalars } from './lib/nodes.js';

export const appPermissionsOverridden: Check = {
  id: 'app-permissions-overridden',
  category: 'Bundle Configuration',
  severity: 'medium',
  effortHours: 0.25,
  title: 'Apps keep access to the resources they use',
  successMessage: 'Every resource an app uses, and that sets its own permissions, grants them to the app’s service principal.',
  docs: `An app that uses a bundle resource (\`resources: [{job: {id: \${resources.jobs.x.id}}}]\`) gets access to it through
its service principal when the app is deployed. If that resource sets \`permissions\` in the bundle, the next deploy
of the resource replaces them and the app loses its access: \`bundle validate\` warns \`app "a" references jobs "x"
which has permissions set. To prevent permission override after deploying the app, please add the app service
principal to the jobs permissions\`.
Fix: add \`- level: <the app's permission>\` with \`service_principal_name: \${resources.apps.<app>.service_principal_client_id}\`
to the resource's permissions.
Reference: https://docs.databricks.com/dev-tools/bundles/resources#apps ; https://github.com/databricks/cli/tree/main/acceptance/bundle/apps/job_permissions_warning`,
  breaksDeploy: false,
  run(bundle, target) {
    const findings: RawFinding[] = [];
    for (const app of target.resources.get('apps')?.values() ?? []) {
      const grant = `\${resources.apps.${app.key}.service_principal_client_id}`;
      const reported = new Set<string>();
      for (const entry of asSeq(app.node.entries.get('resources'))?.items ?? []) {
        walkScalars(entry, '', ({ node }) => {
          if (typeof node.value !== 'string') return;
          for (const ref of findReferences(node.value, node.loc)) {
            const [head, type, key] = ref.path.split('.');
            if (head !== 'resources' || !type || !key || type === 'apps' || reported.has(`${type}.${key}`)) continue;
            const used = target.resources.get(type)?.get(key);
            const permissions = asSeq(used && get(used.node, 'permissions'))?.items ?? [];
            if (permissions.length === 0) continue;
            if (permissions.some((p) => asString(get(p, 'service_principal_name')) === grant)) continue;
            reported.add(`${type}.${key}`);
            findings.push({
              check: 'app-permissions-overridden',
              message: `app "${app.key}" references ${type} "${key}" which has permissions set. To prevent permission override after deploying the app, please add the app service principal to the ${type} permissions`,
              loc: app.node.loc,
              resources: [app.address, `${type}.${key}`],
              evidence: evidenceAt(bundle, node.loc, 0, 0),
              impact: `After the next deploy of ${type}.${key} the app loses its access to it.`,
              fix: { text: `Add to resources.${type}.${key}.permissions: - level: <permission> with service_principal_name: ${grant}` },
            });
          }
        });
      }
    }
    return findings;
  },
};
