import type { Check, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { includeMatches, rootIncludes } from './lib/includes.js';

export const includeNonYaml: Check = {
  id: 'include-non-yaml',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.25,
  title: '`include` matches only YAML or JSON files',
  successMessage: 'Every file matched by `include:` is a YAML or JSON file.',
  docs: `Every file an \`include:\` entry matches is loaded as configuration, so it must end in .yml, .yaml or
.json; otherwise \`bundle validate\` fails with
\`Files in the 'include' configuration section must be YAML or JSON files.\` (once per matched file).
A broad glob such as \`resources/*\` is only safe while the directory holds nothing else.
Fix: narrow the glob (\`resources/*.yml\`); to upload other files with the bundle use \`sync.include\`.
Reference: databricks-bundles.md §1 "include".`,
  breaksDeploy: true,
  run(bundle) {
    const findings: RawFinding[] = [];
    for (const entry of rootIncludes(bundle)) {
      for (const file of includeMatches(bundle, entry.pattern)) {
        if (/\.(ya?ml|json)$/i.test(file)) continue;
        findings.push({
          check: 'include-non-yaml',
          message: `Files in the 'include' configuration section must be YAML or JSON files. ${file} (matched by "${entry.pattern}") is not`,
          loc: entry.node.loc,
          evidence: evidenceAt(bundle, entry.node.loc, 0, 0),
          impact: '`bundle validate` and `bundle deploy` fail.',
          fix: { text: `Narrow "${entry.pattern}" to YAML files (e.g. "*.yml"); to upload ${file} with the bundle, use \`sync.include\`.` },
        });
      }
    }
    return findings;
  },
};
