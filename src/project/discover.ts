// Find every bundle root below the analysed path. Nested roots are separate bundles; Go-template
// trees (databricks.yml.tmpl, `{{...}}` folder names) cannot be analysed before they are rendered.
import fs from 'node:fs';
import path from 'node:path';
import type { RawFinding } from '../model.js';

/** Root file names in the order the CLI checks them (bundle/config/filename.go). */
export const ROOT_FILE_NAMES = ['databricks.yml', 'databricks.yaml', 'bundle.yml', 'bundle.yaml'] as const;

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.databricks', '__pycache__', 'site-packages', '.venv', '.tox', '.mypy_cache', '.pytest_cache']);
const MAX_DEPTH = 40;
const MAX_DIRS = 200_000;

export interface BundleRootDir {
  dir: string; // absolute
  rootFiles: string[]; // file names present, in CLI order (more than one is an error)
}

export interface Discovery {
  roots: BundleRootDir[];
  notices: RawFinding[];
}

export const TEMPLATE_NOTICE = 'template tree: render it first (databricks bundle init) before dab-ready can analyse it';

export function discoverBundleRoots(start: string): Discovery {
  const roots: BundleRootDir[] = [];
  const notices: RawFinding[] = [];
  const rel = (dir: string) => path.relative(start, dir).split(path.sep).join('/') || '.';
  let visited = 0;

  const walk = (dir: string, depth: number): void => {
    if (++visited > MAX_DIRS) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      notices.push({
        check: 'unreadable-folder',
        severity: 'info',
        message: `${rel(dir)}: cannot read folder (${(err as NodeJS.ErrnoException).code ?? 'error'}); not analysed`,
        loc: { file: rel(dir), line: 1, column: 1 },
      });
      return;
    }
    const names = new Set(entries.map((e) => e.name));
    // Like the CLI's os.Stat: a folder with a root file's name is the root file too (and fails to load).
    const isFileOrFolder = (name: string) => {
      const entry = entries.find((e) => e.name === name);
      if (!entry) return false;
      if (entry.isFile() || entry.isDirectory()) return true;
      if (!entry.isSymbolicLink()) return false;
      try {
        const st = fs.statSync(path.join(dir, name));
        return st.isFile() || st.isDirectory();
      } catch {
        return false;
      }
    };
    const rootFiles = ROOT_FILE_NAMES.filter((n) => names.has(n) && isFileOrFolder(n));
    const templates = ROOT_FILE_NAMES.filter((n) => names.has(`${n}.tmpl`));
    if (rootFiles.length === 0 && templates.length > 0) {
      notices.push(templateNotice(rel(dir), `${rel(dir) === '.' ? '' : `${rel(dir)}/`}${templates[0]}.tmpl`));
      return;
    }
    if (rootFiles.length > 0) roots.push({ dir, rootFiles });
    if (names.has('pyvenv.cfg') || depth >= MAX_DEPTH) return;
    const subdirs = entries
      .filter((e) => e.isDirectory() && !SKIPPED_DIRS.has(e.name))
      .map((e) => e.name)
      .sort();
    for (const name of subdirs) {
      const sub = path.join(dir, name);
      if (name.includes('{{')) {
        if (containsBundleFiles(sub)) notices.push(templateNotice(rel(sub), rel(sub)));
        continue;
      }
      walk(sub, depth + 1);
    }
  };

  let startDir = start;
  try {
    if (!fs.statSync(start).isDirectory()) startDir = path.dirname(start);
  } catch {
    return { roots, notices: [{ check: 'unreadable-folder', severity: 'info', message: `${start}: no such file or directory` }] };
  }
  walk(startDir, 0);
  return { roots, notices };
}

function templateNotice(dir: string, file: string): RawFinding {
  return { check: 'template-tree', severity: 'info', message: `${dir}: ${TEMPLATE_NOTICE}`, loc: { file, line: 1, column: 1 } };
}

/** Whether a `{{...}}` folder holds anything bundle-like (so the notice is worth giving). */
function containsBundleFiles(dir: string, depth = 0): boolean {
  if (depth > 8) return false;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  for (const e of entries) {
    if (e.isFile() && /^(databricks|bundle)\.ya?ml(\.tmpl)?$/.test(e.name)) return true;
  }
  return entries.some((e) => e.isDirectory() && !SKIPPED_DIRS.has(e.name) && containsBundleFiles(path.join(dir, e.name), depth + 1));
}
