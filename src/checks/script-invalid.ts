import type { Check, RawFinding } from '../model.js';
import { findReferences } from '../project/interpolate.js';
import { evidenceAt } from './lib/evidence.js';
import { asMap, asString } from './lib/nodes.js';

/** Reference prefixes resolved before scripts run (cli bundle/config/validate/scripts.go). */
const ENV_PREFIXES = ['bundle', 'workspace', 'var', 'variables'];

export const scriptInvalid: Check = {
  id: 'script-invalid',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.25,
  title: 'Scripts are runnable',
  successMessage: 'Every script has content without ${...}, and its env uses only references resolved before scripts run.',
  docs: `\`scripts.<name>\` (run with \`bundle run <name>\`) must have \`content\`; the content is handed to the shell as it
is, so \`\${...}\` is refused there (\`Found \${var.x} in script s.content. Interpolation syntax \${...} is not supported in
script content\`): declare an \`env:\` entry and use \`$NAME\`. In \`env:\`, only \`\${bundle.*}\`, \`\${workspace.*}\` and
\`\${var.*}\` are resolved before scripts run; \`\${resources.*}\` and others fail \`bundle validate\`.
Fix: move references into \`env:\` and use the environment variable in the content.
Reference: https://docs.databricks.com/dev-tools/bundles/settings#scripts ; https://github.com/databricks/cli/blob/main/bundle/config/validate/scripts.go`,
  breaksDeploy: true,
  run(bundle, target) {
    const findings: RawFinding[] = [];
    const scripts = asMap(target.config.entries.get('scripts'));
    for (const key of [...(scripts?.entries.keys() ?? [])].sort()) {
      const script = asMap(scripts!.entries.get(key));
      const loc = scripts!.keyLocs.get(key) ?? scripts!.entries.get(key)!.loc;
      const contentNode = script?.entries.get('content');
      const content = asString(contentNode) ?? '';
      const base = { check: 'script-invalid', impact: `\`bundle validate\` fails for target ${target.name}.` };
      if (content === '') {
        findings.push({ ...base, message: `Script ${key} has no content`, loc, evidence: evidenceAt(bundle, loc, 0, 2), fix: { text: `Give scripts.${key} a content: the command to run.` } });
        continue;
      }
      const [first] = findReferences(content, contentNode!.loc);
      if (first) {
        findings.push({
          ...base,
          message: `Found ${first.text} in script ${key}.content. Interpolation syntax \${...} is not supported in script content`,
          loc: contentNode!.loc,
          evidence: evidenceAt(bundle, contentNode!.loc, 0, 0),
          fix: { text: `Declare an env entry (env: {MY_VAR: ${first.text}}) and use $MY_VAR in the content.` },
        });
      }
      const env = asMap(script?.entries.get('env'));
      for (const name of [...(env?.entries.keys() ?? [])].sort()) {
        const node = env!.entries.get(name)!;
        for (const ref of findReferences(asString(node) ?? '', node.loc)) {
          if (ENV_PREFIXES.includes(ref.path.split('.')[0])) continue;
          findings.push({
            ...base,
            message: `${ref.text} cannot be used in scripts.${key}.env.${name}; only \${bundle.*}, \${workspace.*}, and \${var.*} are resolved before scripts execute`,
            loc: node.loc,
            evidence: evidenceAt(bundle, node.loc, 0, 0),
            fix: { text: 'Use a bundle, workspace or variable reference here.' },
          });
        }
      }
    }
    return findings;
  },
};
