// SARIF 2.1.0 for GitHub code scanning: every check is a rule, every finding a result with a stable
// partial fingerprint. No `security-severity`: these are deployment problems, not vulnerabilities.
import path from 'node:path';
import type { BundleResult, Check, Finding, Result, Severity } from '../model.js';
import { catalogFor, type CheckInfo } from '../readiness/check-info.js';
import { fingerprint } from './fingerprint.js';
import { analysedPath, toPosix } from './paths.js';
import { rulePageUrl } from './rule-links.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/dab-ready/dab-ready';

export interface SarifOptions {
  /** Prepended to every path (the action's `path` input), so URIs are relative to the repository. */
  pathPrefix?: string;
  checks?: readonly Check[];
  /** The tool's home page (defaults to INFORMATION_URI). */
  informationUri?: string;
}

export type SarifLevel = 'error' | 'warning' | 'note';

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'critical' || severity === 'high' ? 'error' : severity === 'medium' ? 'warning' : 'note';
}

export function renderSarif(result: Result, options: SarifOptions = {}): string {
  return JSON.stringify(toSarif(result, options), null, 2) + '\n';
}

export function toSarif(result: Result, options: SarifOptions = {}) {
  const catalog = catalogFor(options.checks);
  const rules: CheckInfo[] = [...catalog.all()];
  const all: { finding: Finding; bundle?: BundleResult }[] = [
    ...result.bundles.flatMap((bundle) => bundle.findings.map((finding) => ({ finding, bundle }))),
    ...result.notices.map((finding) => ({ finding })),
  ];
  for (const { finding } of all) {
    if (!rules.some((r) => r.id === finding.check)) rules.push(catalog.info(finding.check, finding.severity));
  }
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const prefix = options.pathPrefix ? normalisePrefix(options.pathPrefix) : '';

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dab-ready',
            version: result.tool.version,
            informationUri: options.informationUri ?? INFORMATION_URI,
            rules: rules.map(ruleJson),
          },
        },
        results: all.map(({ finding, bundle }) => resultJson(finding, bundle, index.get(finding.check)!, prefix)),
      },
    ],
  };
}

function ruleJson(rule: CheckInfo) {
  const docs = rule.docs.trim();
  const full = docs ? docs.split(/\n\s*\n/)[0].replace(/\s+/g, ' ').trim() : rule.title;
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: full || rule.title },
    helpUri: rulePageUrl(rule.id),
    help: {
      text: docs || `${rule.title}. Run \`dab-ready explain ${rule.id}\` for details.`,
      markdown: docs ? `**${rule.title}**\n\n${docs}` : `**${rule.title}**`,
    },
    defaultConfiguration: { level: sarifLevel(rule.severity) },
    properties: {
      category: rule.category,
      tags: ['databricks', 'asset-bundle', slug(rule.category)],
    },
  };
}

function resultJson(f: Finding, bundle: BundleResult | undefined, ruleIndex: number, prefix: string) {
  const file = f.loc ? analysedPath(bundle?.root ?? '.', f.loc.file) : analysedPath(bundle?.root ?? '.', bundle?.rootFile ?? 'databricks.yml');
  const uri = toUri(prefix ? path.posix.normalize(path.posix.join(prefix, file)) : file);
  const line = f.loc ? Math.max(1, f.loc.line) : 1;
  const column = f.loc ? Math.max(1, f.loc.column) : 1;
  const text = f.fix?.text ? `${f.message}\nFix: ${f.fix.text}` : f.message;
  return {
    ruleId: f.check,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri },
          region: { startLine: line, startColumn: column },
        },
      },
    ],
    partialFingerprints: { 'dabReady/v2': fingerprint(f) },
    ...(f.existing ? { baselineState: 'unchanged' } : {}),
    properties: { severity: f.severity, targets: [...f.targets] },
  };
}

function toUri(file: string): string {
  return file
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function normalisePrefix(prefix: string): string {
  const p = path.posix.normalize(toPosix(prefix)).replace(/^\.\/?$/, '').replace(/\/+$/, '');
  return p.startsWith('/') ? p.slice(1) : p;
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
