import type { Check, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';

/**
 * Loader notices that another check reports (with its own id, per target where it matters):
 * variable-overrides.json problems (variable-file-invalid), non-YAML include matches
 * (include-non-yaml), a root path with glob characters (root-path-glob-chars).
 */
function ownedElsewhere(n: RawFinding): boolean {
  return (
    (n.loc !== undefined && /^\.databricks\/bundle\//.test(n.loc.file)) ||
    n.message.startsWith("Files in the 'include' configuration section must be YAML or JSON files") ||
    n.message.startsWith('Bundle root path contains glob pattern characters')
  );
}

export const configInvalid: Check = {
  id: 'config-invalid',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.5,
  title: 'Configuration files load',
  successMessage: 'Every configuration file parses, and the root file, includes and targets are well-formed.',
  docs: `Problems the CLI meets while loading the configuration stop every bundle command: YAML that does
not parse (or uses custom tags, duplicate \`<<\` merge keys, cyclic aliases), an \`include:\` entry that
is not relative or matches no file (\`<entry> defined in 'include' section does not match any files\`),
more than one root file (\`multiple bundle root configuration files found\`), several targets marked
\`default: true\` (\`multiple targets are marked as default\`), or a value of the wrong type where the
CLI expects a mapping or a list.
Fix: correct the file at the reported line.
Reference: https://docs.databricks.com/dev-tools/bundles/settings ; https://docs.databricks.com/dev-tools/bundles/settings#targets`,
  breaksDeploy: true,
  run(bundle, target) {
    return [...bundle.notices, ...bundle.fileIndex.notices]
      .filter((n) => n.check === 'config-invalid' && !ownedElsewhere(n))
      .filter((n) => {
        const targets = (n as RawFinding & { targets?: string[] }).targets;
        return !targets || targets.includes(target.name);
      })
      // The loader's own severity is dropped: a configuration the CLI cannot load blocks every command.
      .map(({ targets: _targets, severity: _severity, ...n }: RawFinding) => ({ ...n, ...(n.evidence || !n.loc ? {} : { evidence: evidenceAt(bundle, n.loc, 0, 0) }) }));
  },
};
