import { noticeCheck } from './lib/notice-check.js';

export const readOnlyField = noticeCheck(
  {
    id: 'read-only-field',
    category: 'Bundle Configuration',
    severity: 'critical',
    effortHours: 0.1,
    title: 'No computed fields are set',
    successMessage: 'No field the CLI computes itself (a volume’s volume_path) is set in the configuration.',
    docs: `Some fields are computed by the CLI or the workspace; setting one in the configuration is an error:
\`resources.volumes.v.volume_path is computed and read-only; remove it from the configuration\`, and
\`bundle validate\` and \`bundle deploy\` stop.
Fix: remove the field.
Reference: https://docs.databricks.com/dev-tools/bundles/resources#volumes ; https://github.com/databricks/cli/tree/main/acceptance/bundle/resources/volumes/set-volume-path`,
    breaksDeploy: true,
  },
  (bundle) => bundle.notices,
);
