import type { Bundle, Check, RawFinding } from '../model.js';

export const variableFileInvalid: Check = {
  id: 'variable-file-invalid',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.25,
  title: 'variable-overrides.json files are valid',
  successMessage: 'Every .databricks/bundle/<target>/variable-overrides.json is a JSON object whose values match the variable types.',
  docs: `The CLI reads .databricks/bundle/<target>/variable-overrides.json for the selected target. It must be a
JSON object of variable values; a parse error (\`failed to parse variables file\`), another JSON shape
(\`invalid format\`), a map for a non-complex variable (\`variable x is not of type complex, but the value in
the variable file is a complex type\`) or a plain value for a complex one fail \`bundle validate\`.
The file usually lives only on a developer's machine (.databricks is git-ignored), so CI does not
see it at all.
Fix: correct the file, or move the values into \`targets.<t>.variables\`.
Reference: https://docs.databricks.com/dev-tools/bundles/variables`,
  breaksDeploy: true,
  run(bundle, target) {
    const rel = `.databricks/bundle/${target.name}/variable-overrides.json`;
    const text = bundle.fileIndex.read(rel);
    if (text === undefined) return [];
    const at = (line: number) => ({ file: rel, line, column: 1 });
    const finding = (message: string, line: number, fix: string): RawFinding => ({
      check: 'variable-file-invalid',
      message,
      loc: at(line),
      evidence: text.split(/\r?\n/).slice(line - 1, line + 2).join('\n'),
      impact: `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name}.`,
      fix: { text: fix },
    });
    const { parsed, error } = parseOverrides(text);
    if (error !== undefined) {
      return [finding(`failed to parse variables file ${rel}: ${error}`, 1, 'Write valid JSON: an object of variable values.')];
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return [
        finding(
          `failed to parse variables file ${rel}: invalid format: expected a JSON object of variable values, found ${parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : typeof parsed}`,
          1,
          'Write an object: {"<variable>": <value>, ...}.',
        ),
      ];
    }
    const findings: RawFinding[] = [];
    const lines = text.split(/\r?\n/);
    for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
      const v = target.variables.get(name);
      if (!v) continue;
      const complexValue = typeof value === 'object' && value !== null;
      const complexVar = v.def.type === 'complex';
      if (complexValue === complexVar) continue;
      const line = Math.max(1, lines.findIndex((l) => l.includes(`"${name}"`)) + 1);
      findings.push(
        complexVar
          ? finding(`variable ${name} is of type complex, but the value in the variable file is not a complex type`, line, `Give ${name} a map or list value, or remove it from the file.`)
          : finding(`variable ${name} is not of type complex, but the value in the variable file is a complex type`, line, `Give ${name} a plain value, or declare it with \`type: complex\`.`),
      );
    }
    return findings;
  },
};

function parseOverrides(text: string): { parsed?: unknown; error?: string } {
  try {
    return { parsed: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** The target's variable-overrides.json exists but is not a JSON object: the CLI stops there, before any variable. */
export function overridesFileUnreadable(bundle: Bundle, target: string): boolean {
  const text = bundle.fileIndex.read(`.databricks/bundle/${target}/variable-overrides.json`);
  if (text === undefined) return false;
  const { parsed, error } = parseOverrides(text);
  return error !== undefined || typeof parsed !== 'object' || parsed === null || Array.isArray(parsed);
}
