import { noticeCheck } from './lib/notice-check.js';

export const valueTypeInvalid = noticeCheck(
  {
    id: 'value-type-invalid',
    category: 'Bundle Configuration',
    severity: 'medium',
    effortHours: 0.25,
    title: 'Values have the type the schema expects',
    successMessage: 'Every value has the type the CLI’s schema expects (mapping, list, string, number, boolean).',
    docs: `Each value is read into the type the CLI's bundle schema gives it. A list where a mapping is expected,
a word where a number is expected (\`num_workers: two\`) or a mapping where a string is expected raises
\`Warning: expected map, found string\` / \`cannot parse "two" as an integer\` and the value is **dropped**: the
setting, or the whole resource, is then missing from the deployment. A pure \`\${var.<name>}\` reference is
accepted in place of any value (a complex variable). A value a target override replaces (a string in the
root, a mapping in the target) is still dropped where it is written, so it is reported there, but the
merged configuration is fine. When a target merges a list or mapping into a \`\${var...}\` string, the CLI
stops with \`failed to merge target=<t>\` (reported as critical).
Fix: write the value with the expected type.
Reference: https://docs.databricks.com/dev-tools/bundles/settings ; https://github.com/databricks/cli/blob/main/libs/dyn/convert/normalize.go ; https://github.com/databricks/cli/blob/main/libs/dyn/merge/merge.go`,
    breaksDeploy: false,
  },
  (bundle) => bundle.notices,
);
