// `--format github`: GitHub Actions workflow commands (`::error file=...,line=...::message`), so any
// workflow that runs the CLI gets annotations without the action. Levels follow the gate.
import type { Finding, Result, Severity } from '../model.js';
import { catalogFor } from '../readiness/check-info.js';
import { levelFor } from '../github/annotations.js';
import { analysedPath } from './paths.js';
import { rulePageUrl } from './rule-links.js';

export interface GithubCommandsOptions {
  failOn: Severity | 'none';
  /** Repository-relative folder the result's paths are relative to. */
  prefix?: string;
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function renderGithubCommands(result: Result, options: GithubCommandsOptions): string {
  const lines: string[] = [];
  const add = (f: Finding, bundleRoot: string) => {
    const props: string[] = [];
    if (f.loc) {
      const file = [options.prefix, analysedPath(bundleRoot, f.loc.file)].filter((p) => p && p !== '.').join('/');
      props.push(`file=${escapeProperty(file)}`, `line=${Math.max(1, f.loc.line)}`, `col=${Math.max(1, f.loc.column)}`);
    }
    const title = catalogFor().info(f.check, f.severity).title;
    props.push(`title=${escapeProperty(`${title} (dab-ready ${f.check}, ${f.severity}${f.existing ? ', existing' : ''})`)}`);
    const fix = f.fix?.text ? `\nFix: ${f.fix.text}` : '';
    lines.push(`::${levelFor(f, options.failOn)} ${props.join(',')}::${escapeData(`${f.message}${fix}\nRule: ${rulePageUrl(f.check)}`)}`);
  };
  for (const bundle of result.bundles) for (const f of bundle.findings) add(f, bundle.root);
  for (const f of result.notices) add(f, '.');
  return lines.length ? lines.join('\n') + '\n' : '';
}
