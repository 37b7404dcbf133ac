import type { Check } from '../model.js';
import { evidenceAt } from './lib/evidence.js';

export const pythonResourcesNotAnalysed: Check = {
  id: 'python-resources-not-analysed',
  category: 'Bundle Configuration',
  severity: 'info',
  effortHours: 0,
  title: 'Resources defined in Python are analysed',
  successMessage: 'All resources are defined in YAML, where dab-ready can analyse them',
  docs: `\`python: resources:\` (databricks-bundles) loads resources from Python functions at deploy time, e.g.
\`resources: ["resources:load_resources"]\`. dab-ready reads the bundle statically and does not run that
code, so the jobs and pipelines it creates are not checked; the findings cover only the YAML resources.
Fix: nothing to fix; run \`databricks bundle validate -o json\` to see the full configuration, or keep
the resources that matter for the deployment gate in YAML.
Reference: https://docs.databricks.com/dev-tools/bundles/python/`,
  breaksDeploy: false,
  run(bundle) {
    if (!bundle.pythonResources) return [];
    return [
      {
        check: pythonResourcesNotAnalysed.id,
        message: 'resources defined in Python (python.resources) are not analysed: findings cover only the resources defined in YAML',
        loc: bundle.pythonResources,
        resources: [],
        evidence: evidenceAt(bundle, bundle.pythonResources, 0, 2),
        impact: 'Jobs and pipelines created by Python code may have problems this report cannot see.',
        fix: { text: 'Review the Python-defined resources with `databricks bundle validate -o json`.' },
      },
    ];
  },
};
