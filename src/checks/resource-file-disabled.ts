import type { Check, RawFinding } from '../model.js';
import { commentedResourceFiles } from './lib/commented-resources.js';

export const resourceFileDisabled: Check = {
  id: 'resource-file-disabled',
  category: 'Bundle Configuration',
  severity: 'low',
  effortHours: 0.25,
  title: 'Resource files are enabled or removed',
  successMessage: 'No resource file is entirely commented out',
  docs: `A resource file whose every line is commented out deploys nothing: the jobs, apps, serving
endpoints or other resources it describes do not exist in the workspace, although the repository shows
them. Not an error, but readers (and reviewers) take the file for part of the deployment. Files that
define a pipeline are dlt-pipeline-disabled's.
Fix: uncomment the resources to deploy them (their paths are relative to the file), or delete the file
and keep the history in git.`,
  breaksDeploy: false,
  run(bundle) {
    const findings: RawFinding[] = [];
    for (const c of commentedResourceFiles(bundle)) {
      if (c.addresses.some((a) => a.startsWith('pipelines.'))) continue;
      const what = c.addresses.length > 0 ? `${c.addresses.join(', ')} ${c.addresses.length === 1 ? 'is' : 'are'}` : 'its resources are';
      findings.push({
        check: resourceFileDisabled.id,
        message: `${c.file} is entirely commented out: ${what} not deployed`,
        loc: c.loc,
        resources: [],
        evidence: c.evidence,
        impact: 'The commented resources do not exist in the workspace; nothing that relies on them can run.',
        fix: { text: `Uncomment the resources to deploy them (paths relative to ${c.file}), or delete ${c.file}.` },
      });
    }
    return findings;
  },
};
