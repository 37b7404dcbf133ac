import type { Check, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { asSeq, asString, get } from './lib/nodes.js';

export const environmentClientInvalid: Check = {
  id: 'environment-client-invalid',
  category: 'Library Dependencies',
  severity: 'medium',
  effortHours: 0.1,
  title: 'Serverless environments name a client version',
  successMessage: 'Every job environment sets `client` (or `environment_version`) to a version number.',
  docs: `\`environments[].spec.client\` (now \`environment_version\`) selects the serverless environment version:
"1", "2", "3", ... A value such as "databricks" names no version; the Jobs API is expected to reject it
when the job is created (unverified: the CLI does not check it).
Fix: write \`client: "2"\` (or \`environment_version: "2"\`), the version your code needs.
Reference: https://docs.databricks.com/api/workspace/jobs/create#environments ; https://docs.databricks.com/dev-tools/bundles/library-dependencies`,
  breaksDeploy: false,
  run(bundle, target) {
    const findings: RawFinding[] = [];
    for (const job of target.jobs) {
      for (const env of asSeq(get(job.node, 'environments'))?.items ?? []) {
        for (const key of ['client', 'environment_version']) {
          const node = get(env, 'spec', key);
          const value = asString(node);
          if (!node || value === undefined || value.includes('${') || /^\d+(\.\d+)*$/.test(value.trim())) continue;
          findings.push({
            check: 'environment-client-invalid',
            message: `environments.spec.${key} is "${value}"; it must be an environment version such as "2"`,
            loc: node.loc,
            resources: [job.address],
            evidence: evidenceAt(bundle, node.loc, 0, 0),
            impact: 'Creating the job is expected to fail: the serverless environment version does not exist.',
            fix: { text: `Set ${key}: "2" (or the environment version your code is tested with).` },
          });
        }
      }
    }
    return findings;
  },
};
