import type { Check, RawFinding } from '../model.js';
import { engineOf } from './lib/engine.js';
import { evidenceAt } from './lib/evidence.js';
import { collectReferences } from './lib/references.js';

/**
 * Fields Terraform knows but the direct engine does not. The CLI reads them from its generated
 * terraform_dabs_map (not shipped with the schema); these are the ones its acceptance cases show
 * (bundle_tag/url_ref, resource_deps/tf_path_only_error). Incomplete by construction.
 */
const TERRAFORM_ONLY: Record<string, string[]> = {
  jobs: ['url', 'always_running'],
};

export const terraformOnlyReference: Check = {
  id: 'terraform-only-reference',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.25,
  title: 'References name fields the deployment engine knows',
  successMessage: 'No ${resources...} reference names a Terraform-only field.',
  docs: `Some fields of deployed resources exist only in the terraform engine's state (a job's \`url\`,
\`always_running\`, ...). With the direct engine (\`bundle.engine: direct\` or DATABRICKS_BUNDLE_ENGINE=direct) a
reference to one fails \`bundle validate\`: \`"resources.jobs.foo.url": Terraform-only field; cross-resource references to
Terraform-only fields are not supported by the direct engine\`; otherwise the CLI warns that it will break with the
direct engine (the default for new deployments). dab-ready knows the fields the CLI's acceptance cases show, not
the CLI's whole generated table.
Fix: reference a field the resource configuration has (\`id\`, \`name\`, ...).
Reference: https://docs.databricks.com/dev-tools/bundles/direct ; https://github.com/databricks/cli/blob/main/bundle/config/validate/tf_only_references.go`,
  breaksDeploy: true,
  run(bundle, target) {
    const findings: RawFinding[] = [];
    const direct = engineOf(bundle, target).name === 'direct';
    const seen = new Set<string>();
    for (const use of collectReferences(target)) {
      const [head, type, key, field] = use.ref.path.split('.');
      if (head !== 'resources' || !key || !field) continue;
      const name = field.replace(/\[\d+\]$/, '');
      if (!TERRAFORM_ONLY[type]?.includes(name)) continue;
      const id = `${use.node.loc.file}:${use.node.loc.line}:${use.ref.path}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const ref = use.ref.path;
      findings.push({
        check: 'terraform-only-reference',
        ...(direct ? {} : { severity: 'medium' as const }),
        message: direct
          ? `"${ref}": Terraform-only field; cross-resource references to Terraform-only fields are not supported by the direct engine`
          : `"${ref}": Terraform-only field; this reference will not work with the direct engine`,
        loc: use.node.loc,
        resources: [`${type}.${key}`],
        evidence: evidenceAt(bundle, use.node.loc, 0, 0),
        impact: direct ? `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name}.` : 'Breaks when the bundle moves to the direct engine (the default for new deployments).',
        fix: { text: `Reference a field of the ${type} configuration instead of ${field}.` },
      });
    }
    return findings;
  },
};
