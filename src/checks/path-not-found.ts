import path from 'node:path';
import type { Bundle, Check, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import {
  collectPaths,
  fallbackResolution,
  hasNotebookExtension,
  isInside,
  isSyncedRemote,
  leadsOutOfRepository,
  notebookCandidates,
  syncRoot,
  type PathRef,
  withinAnalysedTree,
} from './lib/localPaths.js';
import { NodeKeyCache } from './lib/node-memo.js';
import { hasArtifacts } from './lib/targetFacts.js';

const EXTENSION_HINT =
  'Local notebook references are expected to contain one of the following file extensions: [.py, .r, .scala, .sql, .ipynb]';

export const pathNotFound: Check = {
  id: 'path-not-found',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.5,
  title: 'Local paths exist',
  successMessage: 'Every local notebook, file, directory and library path the bundle references exists.',
  docs: `A relative path in a job task, pipeline library or root_path, dashboard, Genie space, alert, app
(\`source_code_path\`) or artifact is resolved
relative to the YAML file that writes it (since CLI v0.216.0; a path coming from \${var.x} resolves
relative to where the variable is used) and must exist: \`bundle validate\` and \`bundle deploy\` fail with
\`notebook <p> not found\`, \`notebook "<p>" not found. Did you mean "<p>.py"?\` or \`file <p> not found\`.
A notebook path under \${workspace.file_path} that keeps its extension names nothing, because notebooks
synced with the bundle lose their extension: as critical as a local path that names nothing (the task
can never run). Local wheel/jar files that no artifact builds fail at
deploy (\`file doesn't exist <p>\`; a missing glob, or a path no artifact builds, is wheel-not-built's).
Absolute workspace paths, URLs and pipeline glob.include entries are not checked; jobs with git_source
are skipped; a path through a symbolic link that leads out of the repository is symlink-outside-repo's.
Fix: correct the path relative to the file it is written in, add the extension, or create the file.
Reference: https://docs.databricks.com/dev-tools/bundles/settings#paths ; https://docs.databricks.com/dev-tools/bundles/settings#artifacts`,
  breaksDeploy: true,
  run(bundle, target) {
    const root = syncRoot(target);
    const artifacts = hasArtifacts(target);
    const refs = collectPaths(bundle, target);
    // Targets with the same paths (the same list) and the same sync root and artifacts get the same findings.
    return [...byPaths.get(refs, `${artifacts}\0${root}`, () => refs.map((ref) => check(bundle, ref, root, artifacts)).filter((f) => f !== undefined))];
  },
};

const byPaths = new NodeKeyCache<readonly RawFinding[], readonly PathRef[]>();

function check(bundle: Bundle, ref: PathRef, root: string, artifacts: boolean): RawFinding | undefined {
  const index = bundle.fileIndex;
  if (ref.remote) {
    if (ref.expect === 'notebook' && !ref.glob && isSyncedRemote(ref.raw) && hasNotebookExtension(ref.value ?? ref.raw)) {
      // As severe as a local path that names nothing: the task can never run.
      return finding(bundle, ref, `notebook ${ref.raw} does not exist in the workspace: notebooks synced with the bundle lose their extension`, {
        fix: `Drop the extension: ${ref.raw.slice(0, -path.posix.extname(ref.raw).length)}, or use the local relative path so the CLI translates it.`,
      });
    }
    return undefined;
  }
  const p = ref.resolved;
  if (p === undefined) return undefined;
  const hint = ref.expect === 'library' ? undefined : relativeToResourceHint(bundle, ref, root);
  if (hint) return finding(bundle, ref, hint.message, { fix: hint.fix });
  if (!withinAnalysedTree(bundle, p)) return undefined;
  if (ref.expect === 'library') {
    if (ref.glob || artifacts || index.kind(p) !== 'missing' || leadsOutOfRepository(bundle, p)) return undefined;
    return finding(bundle, ref, `file doesn't exist ${p}`, {
      fix: `Build or commit ${p} before deploy (an \`artifacts:\` entry that builds it), or fix the path relative to ${ref.node.loc.file}.`,
    });
  }
  if (!isInside(root, p)) return undefined; // path-outside-sync-root reports it
  if (ref.glob && ref.globAllowed) {
    if (index.glob(p).length > 0) return undefined;
    const message = ref.expect === 'exists' ? `${ref.value}: no matching files` : `${ref.expect} ${p} not found`;
    return finding(bundle, ref, message, { fix: `No file matches ${p}; fix the pattern relative to ${ref.node.loc.file}.` });
  }
  if (index.kind(p) !== 'missing') return undefined;
  if (leadsOutOfRepository(bundle, p)) return undefined; // symlink-outside-repo reports the link
  // An app's source folder is often assembled by an artifact build (absent from git by design).
  if (artifacts && ref.field.endsWith('.source_code_path')) return undefined;
  const fix = `Fix the path relative to ${ref.node.loc.file} (it resolves to ${p}) or add the missing ${ref.expect === 'dir' ? 'directory' : 'file'}.`;
  switch (ref.expect) {
    case 'notebook': {
      if (hasNotebookExtension(p)) return finding(bundle, ref, `notebook ${p} not found`, { fix });
      const existing = notebookCandidates(p).filter((c) => index.kind(c) !== 'missing');
      if (existing.length > 0) {
        return finding(bundle, ref, `notebook "${p}" not found. Did you mean "${existing[0]}"? ${EXTENSION_HINT}`, {
          fix: `Write the extension: ${ref.raw}${path.posix.extname(existing[0])}`,
        });
      }
      return finding(bundle, ref, `notebook "${p}" not found. ${EXTENSION_HINT}`, { fix });
    }
    case 'file':
      return finding(bundle, ref, `file ${p} not found`, { fix });
    case 'dir':
      return finding(bundle, ref, `directory ${p} not found`, { fix });
    default:
      return finding(bundle, ref, ref.field.startsWith('artifacts.') ? `${ref.value}: no matching files` : `${p} not found`, { fix });
  }
}

/** The pre-0.216 layout: the path exists relative to the file that defines the resource (CLI error since 0.262). */
function relativeToResourceHint(bundle: Bundle, ref: PathRef, root: string): { message: string; fix: string } | undefined {
  const old = fallbackResolution(bundle, ref, root);
  if (!old || !ref.value || !ref.resourceFile) return undefined;
  const dir = path.posix.dirname(ref.resourceFile);
  const fromHere = path.posix.relative(path.posix.dirname(ref.node.loc.file), old) || '.';
  return {
    message: `path ${ref.value} is defined relative to the ${dir} directory (${ref.resourceFile}). Please update the path to be relative to the file where it is defined`,
    fix: `Write it relative to ${ref.node.loc.file}: ${fromHere.startsWith('.') ? fromHere : `./${fromHere}`}`,
  };
}

function finding(
  bundle: Bundle,
  ref: PathRef,
  message: string,
  extra: { fix: string; severity?: RawFinding['severity'] },
): RawFinding {
  return {
    check: 'path-not-found',
    ...(extra.severity ? { severity: extra.severity } : {}),
    message,
    loc: ref.node.loc,
    ...(ref.resource ? { resources: [ref.resource] } : {}),
    evidence: evidenceAt(bundle, ref.node.loc, 0, 0),
    impact: `\`bundle ${ref.expect === 'library' ? 'deploy' : 'validate'}\` fails at ${ref.field}.`,
    fix: { text: extra.fix },
  };
}
