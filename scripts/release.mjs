// The release procedure's git side, as actions/typescript-action's script/release does it:
//   node scripts/release.mjs check    package.json's version X.Y.Z has a CHANGELOG section and no tag yet
//   node scripts/release.mjs notes    print that CHANGELOG section (the GitHub release's notes)
//   node scripts/release.mjs tag [--push] [--remote origin]
//       tag vX.Y.Z on HEAD, move the major tag vX to it (what `uses: org/dab-ready@vX` resolves to),
//       and on a new major keep the previous one on a releases/v<X-1> branch; --push sends them.
// Building dist/ and checking it is fresh is the release workflow's job (.github/workflows/release.yml).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export class ReleaseError extends Error {}

function git(cwd, ...args) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function tagExists(cwd, tag) {
  try {
    git(cwd, 'rev-parse', '-q', '--verify', `refs/tags/${tag}`);
    return true;
  } catch {
    return false;
  }
}

export function readVersion(cwd) {
  const { version } = JSON.parse(fs.readFileSync(path.join(cwd, 'package.json'), 'utf8'));
  if (!/^\d+\.\d+\.\d+$/.test(version ?? '')) throw new ReleaseError(`package.json: version ${JSON.stringify(version)} is not X.Y.Z`);
  return version;
}

/** The CHANGELOG.md section of `version` (`## [X.Y.Z]` or `## X.Y.Z`, up to the next `## `), or undefined. */
export function changelogSection(cwd, version) {
  const file = path.join(cwd, 'CHANGELOG.md');
  if (!fs.existsSync(file)) return undefined;
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const escaped = version.replace(/\./g, '\\.');
  const start = lines.findIndex((l) => new RegExp(`^## \\[?${escaped}\\]?(\\s|$)`).test(l));
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start, end < 0 ? undefined : end).join('\n').trim();
}

export function check(cwd) {
  const version = readVersion(cwd);
  if (!changelogSection(cwd, version)) throw new ReleaseError(`CHANGELOG.md has no section "## [${version}]": move the Unreleased entries under it first`);
  if (tagExists(cwd, `v${version}`)) throw new ReleaseError(`tag v${version} exists already: bump the version in package.json`);
  if (git(cwd, 'status', '--porcelain', '--untracked-files=no')) throw new ReleaseError('the work tree has uncommitted changes');
  return version;
}

export function tag(cwd, { push = false, remote = 'origin' } = {}) {
  const version = check(cwd);
  const major = `v${version.split('.')[0]}`;
  const created = [`v${version}`, major];
  const previousMajor = `v${Number(version.split('.')[0]) - 1}`;
  const branch = version.endsWith('.0.0') && tagExists(cwd, previousMajor) ? `releases/${previousMajor}` : undefined;
  if (branch) git(cwd, 'branch', '-f', branch, `refs/tags/${previousMajor}`);
  git(cwd, 'tag', '-a', `v${version}`, '-m', `dab-ready ${version}`);
  git(cwd, 'tag', '-f', '-a', major, '-m', `dab-ready ${version}`);
  if (push) {
    git(cwd, 'push', remote, `refs/tags/v${version}`);
    git(cwd, 'push', '--force', remote, `refs/tags/${major}`);
    if (branch) git(cwd, 'push', remote, `refs/heads/${branch}`);
  }
  return { version, tags: created, branch };
}

function main(argv) {
  const cwd = process.cwd();
  const [command, ...rest] = argv;
  if (command === 'check') return console.log(`release ${check(cwd)}: ready to tag`);
  if (command === 'notes') {
    const version = readVersion(cwd);
    const section = changelogSection(cwd, version);
    if (!section) throw new ReleaseError(`CHANGELOG.md has no section "## [${version}]"`);
    return console.log(section.split('\n').slice(1).join('\n').trim());
  }
  if (command === 'tag') {
    const remoteAt = rest.indexOf('--remote');
    const done = tag(cwd, { push: rest.includes('--push'), remote: remoteAt >= 0 ? rest[remoteAt + 1] : 'origin' });
    return console.log(`tagged ${done.tags.join(' and ')}${done.branch ? `; kept the previous major on ${done.branch}` : ''}${rest.includes('--push') ? '; pushed' : ' (not pushed: add --push)'}`);
  }
  throw new ReleaseError('usage: node scripts/release.mjs check | notes | tag [--push] [--remote NAME]');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(`release: ${error instanceof ReleaseError ? error.message : (error.stderr?.toString().trim() || error.message)}`);
    process.exit(1);
  }
}
