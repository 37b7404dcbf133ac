import { noticeCheck } from './lib/notice-check.js';

export const deprecatedField = noticeCheck(
  {
    id: 'deprecated-field',
    category: 'Bundle Configuration',
    severity: 'low',
    effortHours: 0.25,
    title: 'No deprecated settings',
    successMessage: 'No setting the CLI’s schema marks deprecated is used.',
    docs: `The CLI's bundle schema marks some fields deprecated (a pipeline's \`target\` in favour of \`schema\`,
\`environments\` in favour of \`targets\`, a task's \`spark_submit_task\`, ...), with the replacement in its
deprecation message. They still work today; a later CLI or API version may drop them.
Fix: move to the replacement the message names.
Reference: https://docs.databricks.com/dev-tools/bundles/settings ; https://github.com/databricks/cli/blob/main/bundle/schema/jsonschema.json`,
    breaksDeploy: false,
  },
  (bundle) => bundle.notices,
);
