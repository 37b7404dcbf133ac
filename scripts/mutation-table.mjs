// The mutation score per module from Stryker's JSON report (mutation-testing-report-schema):
// npm run mutate prints it after each run; `node scripts/mutation-table.mjs [report.json]` reprints it.
// Score = (killed + timeout) / valid mutants; mutants that do not compile or crash the runtime are
// not valid, ignored ones are not counted.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const DEFAULT_REPORT = 'reports/mutation/mutation.json';

const COUNTED = { Killed: 'killed', Timeout: 'timeout', Survived: 'survived', NoCoverage: 'noCoverage' };

/**
 * @param {{ files: Record<string, { mutants: { status: string }[] }> }} report
 * @returns {{ module: string, mutants: number, killed: number, timeout: number, survived: number, noCoverage: number, score: number | null }[]}
 *   one row per file, sorted by path, then a row "total"
 */
export function mutationRows(report) {
  const row = (module) => ({ module, mutants: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0, score: null });
  const total = row('total');
  const rows = Object.keys(report.files)
    .sort()
    .map((file) => {
      const r = row(file);
      for (const { status } of report.files[file].mutants) {
        const key = COUNTED[status];
        if (!key) continue;
        r[key]++;
        r.mutants++;
        total[key]++;
        total.mutants++;
      }
      return r;
    });
  for (const r of [...rows, total]) r.score = r.mutants ? (100 * (r.killed + r.timeout)) / r.mutants : null;
  return [...rows, total];
}

/** A score as the tables print it. */
export const percent = (score) => (score === null ? 'n/a' : `${score.toFixed(1)}%`);

/** The rows as a Markdown table, columns padded so it also reads in a terminal. */
export function mutationTable(report) {
  const header = ['module', 'mutants', 'killed', 'timeout', 'survived', 'no-coverage', 'score'];
  const cells = mutationRows(report).map((r) => [
    r.module,
    ...[r.mutants, r.killed, r.timeout, r.survived, r.noCoverage].map(String),
    percent(r.score),
  ]);
  return markdownTable(header, cells);
}

/** A Markdown table padded to read in a terminal: the first column left-aligned, the others right. */
export function markdownTable(header, cells) {
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => `| ${c.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|')}|`;
  return [line(header), rule, ...cells.map(line)].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2] ?? DEFAULT_REPORT;
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`mutation-table: cannot read ${file}: ${error.message}`);
    process.exit(1);
  }
  console.log(mutationTable(report));
}
