// `--format junit`: JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure
// Pipelines, CircleCI). One suite per bundle; each finding is a test case, failed when it fails the
// gate; each passed check is a passing test case.
import type { Finding, Result, Severity } from '../model.js';
import { catalogFor } from '../readiness/check-info.js';
import { failsGate } from '../readiness/gate.js';
import { analysedPath } from './paths.js';
import { rulePageUrl } from './rule-links.js';

export interface JunitOptions {
  failOn: Severity | 'none';
}

/** XML text: entities, and no character XML 1.0 forbids. */
function xml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function renderJunit(result: Result, options: JunitOptions): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  const suite = (name: string, root: string, findings: Finding[], passed: { check: string; title: string }[]) => {
    const cases: string[] = [];
    let suiteFailures = 0;
    for (const f of findings) {
      const title = catalogFor().info(f.check, f.severity).title;
      const file = f.loc ? analysedPath(root, f.loc.file) : undefined;
      const where = file ? `${file}:${f.loc!.line}` : '';
      const attrs = `classname="${xml(`dab-ready.${f.check}`)}" name="${xml(`${title}${where ? ` (${where})` : ''}`)}"${file ? ` file="${xml(file)}" line="${f.loc!.line}"` : ''}`;
      const body = [f.message, where && `at ${where}`, f.fix?.text && `Fix: ${f.fix.text}`, `Rule: ${rulePageUrl(f.check)}`].filter(Boolean).join('\n');
      if (failsGate(f, options.failOn)) {
        suiteFailures++;
        cases.push(`    <testcase ${attrs}>\n      <failure type="${f.severity}" message="${xml(f.message.split('\n')[0])}">${xml(body)}</failure>\n    </testcase>`);
      } else {
        const why = f.existing ? 'existing (in the baseline)' : `${f.severity}, below fail-on ${options.failOn}`;
        cases.push(`    <testcase ${attrs}>\n      <system-out>${xml(`${why}: ${body}`)}</system-out>\n    </testcase>`);
      }
    }
    for (const p of passed) cases.push(`    <testcase classname="${xml(`dab-ready.${p.check}`)}" name="${xml(p.title)}"/>`);
    tests += cases.length;
    failures += suiteFailures;
    suites.push(`  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
  };
  for (const b of result.bundles) suite(`${b.name} (${b.root})`, b.root, b.findings, b.passed);
  if (result.notices.length) suite('repository notices', '.', result.notices, []);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="dab-ready" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
}
