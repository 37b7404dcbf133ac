import { noticeCheck } from './lib/notice-check.js';

export const symlinkOutsideRepo = noticeCheck(
  {
    id: 'symlink-outside-repo',
    category: 'File Sync Configuration',
    severity: 'high',
    effortHours: 0.5,
    title: 'No symbolic link leads out of the repository',
    successMessage: 'Every file the bundle uses lives inside the repository.',
    docs: `A symbolic link whose target lies outside the repository works on the machine that made it and
nowhere else: a CI checkout or a colleague's clone has no such target, and \`databricks bundle deploy\`
uploads what the link points to only where it exists. dab-ready does not follow such links (it never
reads outside the repository) and treats them as missing; the paths that go through such a link are
reported here, once per link, not as path-not-found.
Fix: copy the file into the repository, or reference it with sync.paths / include relative to the bundle.`,
    breaksDeploy: false,
  },
  (bundle) => bundle.fileIndex.notices,
);
