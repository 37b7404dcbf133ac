import type { Check, Loc, RawFinding, SyncVerdict } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { isInside, syncRoot } from './lib/localPaths.js';
import { reachableCode, taskEntries, type ReachedFile } from './lib/task-code.js';

export const syncExcludesSource: Check = {
  id: 'sync-excludes-source',
  category: 'File Sync Configuration',
  severity: 'high',
  effortHours: 1,
  title: 'Code that tasks run or import is synced',
  successMessage: 'Every notebook, python file and local module the tasks run or import is synced to the workspace',
  docs: `\`bundle deploy\` uploads the files under \`sync.paths\` that git does not ignore (every .gitignore,
.git/info/exclude, the global excludesFile), plus \`sync.include\`, minus \`sync.exclude\`. Notebooks
and python files that tasks run, and the local modules they import after \`sys.path.append(...)\`
(e.g. \`from src.models.embeddings import ...\` with the synced \`\${workspace.root_path}/files\` on
sys.path), must be among them; otherwise the job fails with "notebook not found" or
ModuleNotFoundError although everything works locally. Exclude wins over include.
Fix: remove the pattern that excludes the code from \`sync.exclude\` / .gitignore, or re-add the files
with \`sync.include\` (gitignore-style patterns, relative to the file that writes them).
Reference: https://docs.databricks.com/dev-tools/bundles/settings#sync`,
  breaksDeploy: false,
  run(bundle, target) {
    // One finding per task file, and one per import statement (the module and its parent packages).
    const groups = new Map<string, { reached: ReachedFile; files: { file: string; verdict: SyncVerdict }[] }>();
    const root = syncRoot(target);
    for (const reached of reachableCode(bundle, taskEntries(bundle, target), 2)) {
      const verdict = target.syncVerdict(reached.file);
      if (verdict.synced) continue;
      const direct = reached.entries.some((e) => e.file === reached.file);
      // A task path outside the sync root fails validate: path-outside-sync-root reports it, at the same place.
      if (direct && !isInside(root, reached.file)) continue;
      const key = direct || !reached.via ? `file:${reached.file}` : `import:${reached.via.file}:${reached.via.line}:${reached.via.module}`;
      // The walk is shared: a group gets its own copy of the first file's entries, which it extends.
      const group = groups.get(key) ?? { reached: { ...reached, entries: [...reached.entries] }, files: [] };
      group.files.push({ file: reached.file, verdict });
      for (const e of reached.entries) if (!group.reached.entries.includes(e)) group.reached.entries.push(e);
      groups.set(key, group);
    }
    const findings: RawFinding[] = [];
    for (const { reached, files } of groups.values()) {
      const resources = [...new Set(reached.entries.map((e) => e.job.address))].sort();
      const direct = reached.entries.find((e) => e.file === reached.file && e.loc);
      const loc: Loc = direct?.loc ?? (reached.via ? { file: reached.via.file, line: reached.via.line, column: 1 } : { file: reached.file, line: 1, column: 1 });
      const main = files[files.length - 1];
      const others = files.length > 1 ? ` (and ${files.slice(0, -1).map((f) => f.file).join(', ')})` : '';
      const message = direct
        ? `task ${direct.job.key}.${direct.task.key} runs ${main.file}, which is not synced: ${reason(main.verdict)}`
        : reached.via
          ? `${reached.via.file}:${reached.via.line} imports ${reached.via.module}, but ${main.file}${others} is not synced: ${reason(main.verdict)}`
          : `${main.file} is not synced: ${reason(main.verdict)}`;
      findings.push({
        check: syncExcludesSource.id,
        message,
        loc,
        resources,
        evidence: evidenceAt(bundle, loc, 0, 0),
        impact: direct
          ? `The file is not uploaded by \`bundle deploy\`: ${resources.join(', ')} fail${resources.length === 1 ? 's' : ''} at run time.`
          : `The module is not uploaded by \`bundle deploy\`: the import fails with ModuleNotFoundError in ${resources.join(', ')}.`,
        fix: fix(main.verdict, main.file),
      });
    }
    return findings;
  },
};

function reason(verdict: SyncVerdict): string {
  const r = verdict.reason;
  if (!r) return 'excluded from sync';
  const where = r.loc ? ` (${r.loc.file}:${r.loc.line})` : '';
  switch (r.kind) {
    case 'sync.exclude':
      return `sync.exclude pattern ${r.pattern ?? ''}${where} excludes it`;
    case 'gitignore':
      return `it is gitignored${r.pattern ? ` by ${r.pattern}` : ''}${where} and no sync.include re-adds it`;
    case 'outside-sync-paths':
      return `it is outside sync.paths${where}`;
    default:
      return `it is always excluded${r.pattern ? ` (${r.pattern})` : ''}`;
  }
}

function fix(verdict: SyncVerdict, file: string): RawFinding['fix'] {
  const dir = file.includes('/') ? file.slice(0, file.indexOf('/')) : file;
  switch (verdict.reason?.kind) {
    case 'sync.exclude':
      return { text: `Remove or narrow the sync.exclude pattern ${verdict.reason.pattern ?? ''} so that ${file} is uploaded.` };
    case 'gitignore':
      // a file at the bundle root is re-added by its own name (`run.py/**` would match nothing)
      return { text: `Re-add the code with sync.include (exclude still wins), or stop ignoring it in git.`, patch: `sync:\n  include:\n    - ${dir === file ? file : `${dir}/**`}` };
    case 'outside-sync-paths':
      return { text: `Add the folder to sync.paths.`, patch: `sync:\n  paths:\n    - .\n    - ${dir}` };
    default:
      return { text: `Move ${file} out of the always-excluded folders (.git, .databricks).` };
  }
}
