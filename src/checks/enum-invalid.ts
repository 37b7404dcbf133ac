import type { Check, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { asString, get } from './lib/nodes.js';
import { resourceOf } from './lib/references.js';
import { collectTyped, typedMemo } from './lib/typed-walk.js';

/** A value found at an enum field: checked at once, or per target when it holds a `${...}` reference. */
type EnumUse = { finding: RawFinding } | { deferred: { text: string; values: readonly string[]; path: string; loc: RawFinding['loc'] } };

const enumMemo = typedMemo<EnumUse>();

/** A variable's `type` has its own check with its own advice (variable-type-invalid). */
const OWNED_ELSEWHERE = /^variables\.[^.]+\.type$/;

function enumFinding(value: string, values: readonly string[], path: string, loc: RawFinding['loc'], evidence: string | undefined): RawFinding {
  const resource = resourceOf(path);
  return {
    check: 'enum-invalid',
    message: `invalid value "${value}" for enum field. Valid values are [${values.join(' ')}] (at ${path})`,
    loc,
    ...(resource ? { resources: [resource] } : {}),
    ...(evidence !== undefined ? { evidence } : {}),
    impact: 'The API rejects the value when the bundle is deployed.',
    fix: { text: `Set ${path.split('.').pop()} to one of ${values.join(', ')}.` },
  };
}

export const enumInvalid: Check = {
  id: 'enum-invalid',
  category: 'Bundle Configuration',
  severity: 'medium',
  effortHours: 0.1,
  title: 'Enumerated settings use valid values',
  successMessage: 'Every enumerated setting (run_if, source, cluster modes, pause status, permission levels, ...) has a valid value.',
  docs: `Every field the CLI's bundle schema gives a fixed set of values (task \`run_if\`, notebook \`source\`,
\`runtime_engine\`, \`data_security_mode\`, cloud \`availability\`, \`volume_type\`, \`pause_status\`, permission
\`level\`, \`bundle.engine\`, a variable's \`type\`, an artifact's \`type\`, ... for every resource type) is checked as
\`bundle validate\` does: \`Warning: invalid value "VIEW" for enum field. Valid values are [READ WRITE MANAGE]\`.
A value written as \`\${var.x}\` is checked after the variable is substituted, per target. The warning does
not stop validate, but the API rejects the value when the bundle is deployed.
Fix: use one of the listed values.
Reference: https://docs.databricks.com/dev-tools/cli/bundle-commands#validate ; https://github.com/databricks/cli/blob/main/bundle/config/validate/enum.go`,
  breaksDeploy: true,
  run(bundle, target) {
    const findings: RawFinding[] = [];
    const uses = collectTyped(enumMemo, bundle, target, {
      enum(node, values, path) {
        if (OWNED_ELSEWHERE.test(path())) return [];
        const text = String(node.value);
        if (text.includes('${')) return [{ deferred: { text, values, path: path(), loc: node.loc } }];
        if (values.includes(text)) return [];
        return [{ finding: enumFinding(text, values, path(), node.loc, evidenceAt(bundle, node.loc, 0, 0)) }];
      },
    });
    for (const use of uses) {
      if ('finding' in use) {
        findings.push(use.finding);
        continue;
      }
      const { text, values, path, loc } = use.deferred;
      const resolved = target.interpolate(text, loc!);
      if (!resolved.resolved || values.includes(resolved.value)) continue;
      const finding = enumFinding(resolved.value, values, path, loc, evidenceAt(bundle, loc, 0, 0));
      findings.push({ ...finding, message: `${finding.message}, from ${text}` });
    }
    const modeNode = get(bundle.base, 'targets', target.name, 'mode');
    const mode = asString(modeNode);
    if (modeNode && mode !== undefined && !mode.includes('${') && mode !== 'development' && mode !== 'production') {
      findings.push({
        check: 'enum-invalid',
        severity: 'critical',
        message: `unsupported value '${mode}' specified for 'mode': must be either 'development' or 'production'`,
        loc: modeNode.loc,
        evidence: evidenceAt(bundle, modeNode.loc, 0, 0),
        impact: `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name}.`,
        fix: { text: 'Set `mode: development` or `mode: production` (or remove it).' },
      });
    }
    return findings;
  },
};
