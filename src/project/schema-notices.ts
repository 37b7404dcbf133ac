// Each configuration file is normalised against the CLI's schema as the CLI's loader does it
// (bundle/config/root.go: convert.Normalize per file): what it warns about becomes a finding at
// its file:line, and what it drops is left out of the configuration dab-ready analyses.
import type { ConfigFile, MapNode, RawFinding } from '../model.js';
import { bundleSchema } from '../schema/compile.js';
import { normalize, type SchemaIssue } from '../schema/normalize.js';
import { closeMatches } from '../checks/lib/suggest.js';
import { recordedAnchorOnlyKeys } from './yaml.js';

/** `root` (the parsed top level of `file`) as the CLI keeps it; findings are appended to `notices`. */
export function normalizeConfigFile(file: ConfigFile, root: MapNode, notices: RawFinding[]): MapNode {
  const out = normalize(root, bundleSchema().root, { anchorOnlyKeys: recordedAnchorOnlyKeys(file), report: schemaReporter(notices) });
  return out?.kind === 'map' ? out : root;
}

/**
 * Appends each schema issue to `notices` once: a value reached through several YAML aliases, or a
 * complex variable used in several places, is one problem where it is written.
 */
export function schemaReporter(notices: RawFinding[], targets?: string[]): (issue: SchemaIssue) => void {
  const seen = new Set<string>();
  return (issue) => {
    const key = `${issue.check}\0${issue.summary}\0${issue.loc.file}:${issue.loc.line}:${issue.loc.column}`;
    if (seen.has(key)) return;
    seen.add(key);
    notices.push(targets ? { ...schemaFinding(issue), targets } : schemaFinding(issue));
  };
}

const TARGET_PREFIX = /^(?:targets|environments)\.([^.[\]]+)\.?/;

/** The finding for a schema issue; `at` is the config path the CLI prints. */
export function schemaFinding(issue: SchemaIssue): RawFinding {
  const inTarget = TARGET_PREFIX.exec(issue.path);
  const merged = inTarget ? issue.path.slice(inTarget[0].length) : issue.path;
  const resource = /^resources\.([^.[\]]+)\.([^.[\]]+)/.exec(merged);
  const base: RawFinding = {
    check: issue.check,
    message: issue.check === 'read-only-field' ? mergedPathMessage(issue.summary) : `${issue.summary}${issue.path ? ` (at ${issue.path})` : ''}`,
    loc: issue.loc,
    ...(resource ? { resources: [`${resource[1]}.${resource[2]}`] } : {}),
  };
  switch (issue.check) {
    case 'unknown-field': {
      const known = [...(issue.struct?.fields ?? [])].filter(([, f]) => !f.internal && !f.readOnly).map(([k]) => k).sort();
      const close = closeMatches(issue.key!, known);
      return {
        ...base,
        impact: 'The CLI ignores the key: the setting it was meant to make is silently not applied.',
        fix: {
          text:
            close.length > 0
              ? `Did you mean ${close.map((c) => `\`${c}\``).join(' or ')}? Otherwise remove \`${issue.key}\`.`
              : `Remove \`${issue.key}\` or move it where the schema expects it${known.length > 0 && known.length <= 12 ? ` (known here: ${known.join(', ')})` : ''}.`,
        },
      };
    }
    case 'value-type-invalid':
      return {
        ...base,
        impact: 'The CLI drops the value: the setting is treated as unset (and a resource given this way is not deployed).',
        fix: { text: `Write ${issue.path} as the schema expects (${issue.summary.replace(/, found .*$/, '')}), or as a \`\${var.<name>}\` reference to a complex variable.` },
      };
    case 'null-value':
      return { ...base, impact: `${issue.path} is treated as unset.`, fix: { text: `Give \`${issue.path.split('.').pop()}\` a value or remove the line.` } };
    case 'deprecated-field':
      return {
        ...base,
        impact: `The CLI's schema marks \`${issue.key}\` deprecated: ${issue.deprecation}.`,
        fix: { text: `${issue.deprecation}. Move off \`${issue.key}\` before it is removed.` },
      };
    case 'read-only-field':
      return {
        ...base,
        ...(inTarget ? { targets: [inTarget[1]] } : {}),
        impact: '`bundle validate` and `bundle deploy` fail.',
        fix: { text: `Remove \`${issue.key}\`: the CLI computes it.` },
      };
  }

  function mergedPathMessage(summary: string): string {
    return inTarget ? summary.replace(TARGET_PREFIX, '') : summary;
  }
}
