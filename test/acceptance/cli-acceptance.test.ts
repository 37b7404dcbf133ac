// dab-ready without credentials on the Databricks CLI's own `bundle validate` acceptance cases
// (../shared/peer/cli-acceptance): recall of the golden diagnostics, false alarms, crashes.
// The report is printed; the thresholds keep it from regressing.
import { beforeAll, describe, expect, it } from 'vitest';
import { type AcceptanceReport, describeReport, manifestPart, recall, runAcceptance } from './cli-acceptance.js';

describe.skipIf(!manifestPart.present)('the CLI acceptance cases', manifestPart.options, () => {
  let report: AcceptanceReport;
  beforeAll(async () => {
    report = await runAcceptance();
    console.log(describeReport(report));
  }, 600_000);

  it('runs every reproducible validate invocation', () => {
    expect(report.runs).toBeGreaterThanOrEqual(180);
    expect(report.verdicts.length).toBeGreaterThanOrEqual(110);
  });

  it('finds ≥ 95% of the located Errors at their file and line (±1)', () => {
    expect(recall(report.verdicts, 'error-located').ratio).toBeGreaterThanOrEqual(0.95);
  });

  it('finds ≥ 90% of the located Warnings and Recommendations at their file and line (±1)', () => {
    expect(recall(report.verdicts, 'warning-or-recommendation-located').ratio).toBeGreaterThanOrEqual(0.9);
  });

  it('finds ≥ 90% of the diagnostics without a location by their subject', () => {
    expect(recall(report.verdicts, 'unlocated').ratio).toBeGreaterThanOrEqual(0.9);
  });

  it('misses only what needs a workspace (or running the project’s Python code)', () => {
    const misses = report.verdicts.filter((v) => !v.found);
    expect(misses.filter((m) => !m.needsWorkspace).map((m) => `${m.case}: ${m.diagnostic.summary}`)).toEqual([]);
    expect(report.verdicts.filter((v) => !v.kind).map((v) => v.diagnostic.summary)).toEqual([]);
  });

  it('raises no critical validate-level finding where validate reports no Error', () => {
    expect(report.falseAlarms.map((f) => `${f.case} (${f.target}): ${f.finding.check} ${f.finding.message}`)).toEqual([]);
  });

  it('never crashes: every run ends in a report, or in a one-line refusal where the CLI refuses too', () => {
    expect(report.crashes.map((c) => `${c.case} (${c.target}): ${c.why}`)).toEqual([]);
  });
});
