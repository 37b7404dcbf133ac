import type { Check } from '../model.js';
import { rootPathGlobChars as globCharsIn } from '../project/load.js';

export const rootPathGlobChars: Check = {
  id: 'root-path-glob-chars',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.25,
  title: 'Bundle root path has no glob characters',
  successMessage: 'The bundle root path contains no glob pattern characters.',
  docs: `The CLI expands \`include:\` entries relative to the bundle root with filepath.Glob and therefore
rejects a root directory whose path contains \`*\`, \`?\`, \`[\`, \`]\` or \`^\`:
\`Error: Bundle root path contains glob pattern characters\`. This depends on where the repository is
checked out, so it can fail in CI and not on a laptop.
Fix: rename the directory (or check the repository out under a plain path).
Reference: https://docs.databricks.com/dev-tools/bundles/settings ; https://github.com/databricks/cli/pull/3096`,
  breaksDeploy: true,
  run(bundle) {
    const bad = globCharsIn(bundle.root, bundle.repoRoot);
    if (!bad) return [];
    const loc = { file: bundle.rootFile, line: 1, column: 1 };
    return [
      {
        check: 'root-path-glob-chars',
        message: `Bundle root path contains glob pattern characters: ${bad.where} (character "${bad.char}")`,
        loc,
        impact: 'Every bundle command fails before the configuration is read.',
        fix: { text: `Rename ${bad.where.replace(/ \(relative to the repository\)$/, '')} so that the bundle's path has none of * ? [ ] ^ (or check the repository out under a plain path).` },
      },
    ];
  },
};
