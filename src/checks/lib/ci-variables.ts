// Variables the repository's own CI passes to the bundle commands: `--var name=...` or
// `BUNDLE_VAR_name` in GitHub Actions workflows, Azure Pipelines, GitLab CI or a Makefile, in the
// bundle's folder or any folder above it inside the repository.
import path from 'node:path';
import type { Bundle } from '../../model.js';

export interface CiSupply {
  file: string; // relative to the bundle root (may start with ../)
  line: number;
  text: string; // the line, trimmed
}

const CI_FILES = ['azure-pipelines.yml', 'azure-pipelines.yaml', '.gitlab-ci.yml', 'Makefile'];
const WORKFLOW_DIR = '.github/workflows';
/** How many folders above the bundle root are searched (the repository boundary stops it earlier). */
const MAX_UP = 6;
const SUPPLIES = /--var(?:=|\s+)["']?(?:[^"'\s,]*,)*([A-Za-z][\w-]*)=|\bBUNDLE_VAR_([A-Za-z][\w-]*)/g;

const memo = new WeakMap<Bundle, Map<string, CiSupply>>();

/** The first place (file:line) the repository's CI supplies each variable. */
export function ciSuppliedVariables(bundle: Bundle): Map<string, CiSupply> {
  let found = memo.get(bundle);
  if (!found) {
    found = scan(bundle);
    memo.set(bundle, found);
  }
  return found;
}

function scan(bundle: Bundle): Map<string, CiSupply> {
  const out = new Map<string, CiSupply>();
  for (const file of ciFiles(bundle)) {
    const lines = bundle.fileIndex.lines(file) ?? [];
    lines.forEach((text, i) => {
      if (/^\s*#/.test(text)) return;
      for (const m of text.matchAll(SUPPLIES)) {
        const name = m[1] ?? m[2];
        if (!out.has(name)) out.set(name, { file, line: i + 1, text: text.trim() });
      }
    });
  }
  return out;
}

function ciFiles(bundle: Bundle): string[] {
  const files: string[] = [];
  for (let up = 0, dir = '.'; up <= MAX_UP && bundle.fileIndex.kind(dir) === 'dir'; up++, dir = up === 1 ? '..' : `${dir}/..`) {
    const at = (name: string) => (dir === '.' ? name : `${dir}/${name}`);
    for (const name of CI_FILES) if (bundle.fileIndex.kind(at(name)) !== 'missing') files.push(at(name));
    const workflows = at(WORKFLOW_DIR);
    if (bundle.fileIndex.kind(workflows) === 'dir') {
      for (const f of bundle.fileIndex.list(workflows)) if (/\.ya?ml$/i.test(f) && path.posix.dirname(f) === path.posix.normalize(workflows)) files.push(f);
    }
  }
  return files;
}
