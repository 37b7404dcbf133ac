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
\`Files in the 'include' configuration section must be YAML or JSON files.\` (once per matched file; dab-ready
reports the include entry once, listing the files).
A broad glob such as \`resources/*\` is only safe while the directory holds nothing else.
Fix: narrow the glob (\`resources/*.yml\`); to upload other files with the bundle use \`sync.include\`.
Reference: https://docs.databricks.com/dev-tools/bundles/settings#include`,
  breaksDeploy: true,
  run(bundle) {
    const findings: RawFinding[] = [];
    // One finding per include entry (the root cause), listing every file it wrongly matches; the CLI
    // prints its error once per file.
    for (const entry of rootIncludes(bundle)) {
      const files = includeMatches(bundle, entry.pattern).filter((file) => !/\.(ya?ml|json)$/i.test(file));
      if (files.length === 0) continue;
      const listed = files.length > 3 ? `${files.slice(0, 3).join(', ')} and ${files.length - 3} more` : files.join(', ');
      findings.push({
        check: 'include-non-yaml',
        message: `Files in the 'include' configuration section must be YAML or JSON files. ${listed} (matched by "${entry.pattern}") ${files.length === 1 ? 'is' : 'are'} not`,
        loc: entry.node.loc,
        evidence: evidenceAt(bundle, entry.node.loc, 0, 0),
        impact: '`bundle validate` and `bundle deploy` fail.',
        fix: { text: `Narrow "${entry.pattern}" to YAML files (e.g. "*.yml"); to upload ${files.length === 1 ? files[0] : 'those files'} with the bundle, use \`sync.include\`.` },
      });
    }
    return findings;
  },
};
