import { noticeCheck } from './lib/notice-check.js';

export const nullValue = noticeCheck(
  {
    id: 'null-value',
    category: 'Bundle Configuration',
    severity: 'medium',
    effortHours: 0.1,
    title: 'No setting is left empty',
    successMessage: 'No string, number or boolean setting (host, name, paths, keys) is left without a value.',
    docs: `A key written without a value (\`host:\`) is null. Where the schema expects a string, a number or a
boolean the CLI warns \`expected a string value, found null\` when it loads the file (for every target) and
treats the field as unset, so for example an empty \`workspace.host\` silently falls back to the profile or
DATABRICKS_HOST, possibly another workspace.
Fix: give the key a value or delete the line.
Reference: https://docs.databricks.com/dev-tools/bundles/settings ; https://github.com/databricks/cli/blob/main/libs/dyn/convert/normalize.go`,
    breaksDeploy: false,
  },
  (bundle) => bundle.notices,
);
