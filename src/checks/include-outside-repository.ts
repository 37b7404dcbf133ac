import { noticeCheck } from './lib/notice-check.js';

export const includeOutsideRepository = noticeCheck(
  {
    id: 'include-outside-repository',
    category: 'Bundle Configuration',
    severity: 'high',
    effortHours: 0.5,
    title: 'Includes stay inside the repository',
    successMessage: 'Every included configuration file lives inside the repository.',
    docs: `An include entry (or a symbolic link it matches) that leads out of the repository loads
configuration that a CI checkout does not have: the deploy from CI then differs from the one on the
author's machine, or fails with "does not match any files". dab-ready does not read such files.
Fix: keep shared configuration inside the repository (a monorepo folder next to the bundle, reached with ../).`,
    breaksDeploy: true,
  },
  (bundle) => bundle.notices,
);
