import { describe, expect, it } from 'vitest';
import {
  renderFindingDetails,
  renderMarkdown,
  renderPhaseChecklist,
  renderSummarySection,
  renderTestingStrategy,
  renderTopGaps,
} from '../../src/report/markdown.js';
import { codeSpan, escapeInline, escapeMessage, fencedBlock } from '../../src/report/escape.js';
import type { Result } from '../../src/model.js';
import { finding, seedChecks } from '../readiness/helpers.js';
import { EVIL_FILE, hostileResult, seedResult } from './results.js';

/** What GitHub would render as text outside code: fenced blocks and code spans removed (CommonMark rules). */
function outsideCode(markdown: string): string {
  const lines = markdown.split('\n');
  const kept: string[] = [];
  let fence: string | undefined;
  for (const line of lines) {
    const m = /^(`{3,})/.exec(line);
    if (fence) {
      if (m && m[1].length >= fence.length && line.trim() === m[1]) fence = undefined;
      continue;
    }
    if (m) {
      fence = m[1];
      continue;
    }
    kept.push(stripSpans(line));
  }
  expect(fence, 'every fence is closed').toBeUndefined();
  return kept.join('\n');
}

function stripSpans(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (ch === '\\') {
      out += line.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch !== '`') {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (line[i + n] === '`') n++;
    const close = new RegExp(`(?<!\`)\`{${n}}(?!\`)`, 'g');
    close.lastIndex = i + n;
    const found = close.exec(line);
    if (!found) {
      out += line.slice(i, i + n);
      i += n;
    } else {
      out += '⟨code⟩';
      i = found.index + n;
    }
  }
  return out;
}

/** The contents of each fenced block, in order. */
function fences(markdown: string): string[] {
  const blocks: string[] = [];
  let fence: string | undefined;
  let body: string[] = [];
  for (const line of markdown.split('\n')) {
    const m = /^(`{3,})/.exec(line);
    if (fence) {
      if (m && m[1].length >= fence.length && line.trim() === m[1]) {
        blocks.push(body.join('\n'));
        fence = undefined;
      } else body.push(line);
    } else if (m) {
      fence = m[1];
      body = [];
    }
  }
  return blocks;
}

describe('renderMarkdown (full)', () => {
  const md = renderMarkdown(seedResult(), { checks: seedChecks });

  it('has the seed report shape, in order', () => {
    let inFence = false;
    const headings = md.split('\n').filter((l) => {
      if (/^```/.test(l)) inFence = !inFence;
      return !inFence && /^#{1,3} /.test(l);
    });
    expect(headings).toEqual([
      '# Databricks Asset Bundle Deployment Readiness',
      '## Executive Summary',
      '## 🔴 CRITICAL GAPS',
      '### Gap 1: Entry points missing (`jobs.train_ditto`)',
      '### Gap 2: Wheel not built (`jobs.train_ditto`)',
      '## 🟠 HIGH PRIORITY GAPS',
      '### Gap 3: Vector Search endpoint not created (`jobs.entity_matching_pipeline`)',
      '### Gap 4: Local FAISS instead of Databricks Vector Search (`jobs.register_model`)',
      '## 🟡 MEDIUM PRIORITY GAPS',
      '### Gap 5: Library dependencies inconsistent (`jobs.entity_matching_pipeline`)',
      '## 🟢 LOW PRIORITY / OPTIONAL',
      '### Gap 6: DLT pipeline not implemented',
      '### Gap 7: No Databricks CLI init script',
      '## Summary of Required Changes',
      '### Must Fix Before Deployment (CRITICAL)',
      '### Should Fix for Production (HIGH/MEDIUM)',
      '### Optional Enhancements (LOW)',
      '## Deployment Readiness Checklist',
      '### Phase 0: Catalog Setup',
      '### Phase 1: Data Load',
      '### Phase 2: Training',
      '### Phase 3: Serving',
      '### Phase 4: Pipeline',
      '## Verification',
      '### ✅ build · `.` · passed in 3.2 s',
      '### ❌ smoke · target `dev` · `train_ditto` · failed in 6.4 s',
      '## Estimated Effort to Fix',
      '## Recommended Action Plan',
      '### Step 1: Unblock Deployment (2.5 hours) - DO FIRST',
      '### Step 2: Fix High Priority Gaps (6 hours) - DO NEXT',
      '### Step 3: Production Hardening (1 hour) - THEN DO',
      '### Step 4: Enhancements (Optional) (8.5 hours) - WHEN TIME ALLOWS',
      '## Testing Strategy',
      '## Conclusion',
      '## Repository Notices',
    ]);
  });

  it('writes the executive summary table, counts and effort totals', () => {
    expect(md).toContain('**Overall Status:** 🔴 **Blocked** - 2 critical blockers · Readiness score **65/100**');
    expect(md).toContain('| Category | Status | Priority | Impact |');
    expect(md).toContain('| Entry Points | 🔴 1 gap | **CRITICAL** | Phase 2 job will fail with "entry point not found" |');
    expect(md).toContain('| File Sync Configuration | ✅ Complete | N/A | Source excluded from sync: OK |');
    expect(md).toContain('| DLT Pipeline | 🟢 1 gap | LOW |');
    expect(md).toMatch(/\*\*Critical Blockers:\*\* 2 {2}\n\*\*High Priority:\*\* 2 {2}\n\*\*Medium Priority:\*\* 1/);
    expect(md).toContain('**Total Critical Path:** ~2.5 hours');
    expect(md).toContain('**Total with High Priority:** ~8.5 hours');
    expect(md).toContain('**Full Implementation:** ~18 hours');
    expect(md).toContain('| 2. Wheel not built | CRITICAL | 30 min | 1 |');
  });

  it('names each gap by what is wrong and what it concerns, never a cut-off message', () => {
    const gap = md.slice(md.indexOf('### Gap 1'), md.indexOf('### Gap 2'));
    expect(gap.split('\n')[0]).toBe('### Gap 1: Entry points missing (`jobs.train_ditto`)');
    expect(md).not.toMatch(/^#+ Gap .*…/m);
    const several = seedResult({
      findings: [
        finding('library-deps-inconsistent', 'medium', { file: 'a.py', resources: ['jobs.a', 'jobs.b', 'jobs.c'] }),
        finding('library-deps-inconsistent', 'medium', { file: 'b.py' }),
        finding('brand-new-check', 'high', { file: 'c.py' }),
        finding('brand-new-check', 'high', { file: 'd.py' }),
      ],
    });
    const out = renderMarkdown(several, { checks: seedChecks });
    expect(out).toContain('### Gap 1: Brand new check (2 places)');
    expect(out).toContain('### Gap 2: Library dependencies inconsistent (3 resources)');
  });

  it('shows a gap with issue, evidence at file:line with the lines, impact, fix with its patch, status', () => {
    const gap = md.slice(md.indexOf('### Gap 1'), md.indexOf('### Gap 2'));
    expect(gap).toContain('**Issue:** python\\_wheel\\_task entry point `train_ditto` is not declared');
    expect(gap).toContain('- `resources/jobs_phase2_training.yml:48`\n```yaml\npython_wheel_task:\n  package_name: entity_matching\n  entry_point: train_ditto\n```');
    expect(gap).toContain('**Impact:**\n- Phase 2 job will fail with "entry point not found"\n- Blocks Phase 3 and Phase 4');
    expect(gap).toContain('**Required Fix:**\n\nDeclare the entry point in pyproject.toml\n\n```toml\n[project.scripts]\ntrain_ditto = "src.models.ditto_matcher:train_cli"\n```');
    expect(gap).toContain('**Status:** ❌ **BLOCKER**');
  });

  it('writes the phase checklist with ✅/❌/⚠️ lines and statuses', () => {
    const phase2 = md.slice(md.indexOf('### Phase 2'), md.indexOf('### Phase 3'));
    expect(phase2.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      '- ❌ **Entry points missing → BLOCKER**',
      '- ❌ **Wheel not built → BLOCKER**',
      '- ✅ No other check reports a finding in this phase',
      '- **Status:** ❌ **BLOCKED**',
    ]);
    const phase4 = md.slice(md.indexOf('### Phase 4'), md.indexOf('## Verification'));
    expect(phase4).toContain('- ⚠️ **Library dependencies inconsistent → MEDIUM**');
    // partial, and held back by the deploy plan behind the blocked phase 2 (status and score unchanged)
    expect(phase4).toContain('- **Status:** 🟡 **PARTIAL** · ⏸️ held back: depends on blocked Phase 2: Training');
    const phase1 = md.slice(md.indexOf('### Phase 1'), md.indexOf('### Phase 2'));
    expect(phase1).toContain('- ✅ Configuration complete: no check reports a finding in this phase\n- **Status:** ✅ **READY**\n');
  });

  it('summarises the required changes by urgency, numbered like the gaps', () => {
    const summary = md.slice(md.indexOf('## Summary of Required Changes'), md.indexOf('## Deployment Readiness Checklist'));
    expect(summary).toContain(
      '### Must Fix Before Deployment (CRITICAL)\n\n1. **Entry points missing (`jobs.train_ditto`)**\n   - Declare the entry point in pyproject.toml\n2. **Wheel not built (`jobs.train_ditto`)**\n   - Add an artifacts entry that runs python -m build',
    );
    expect(summary).toContain('### Should Fix for Production (HIGH/MEDIUM)\n\n3. **Vector Search endpoint not created');
    expect(summary).toContain('5. **Library dependencies inconsistent');
    expect(summary).toContain('### Optional Enhancements (LOW)\n\n6. **DLT pipeline not implemented**\n7. **No Databricks CLI init script**');
  });

  it('derives the testing strategy from the bundle: validate every target, deploy phase by phase', () => {
    const testing = md.slice(md.indexOf('## Testing Strategy'), md.indexOf('## Conclusion'));
    expect(testing).not.toContain('Local Testing'); // no phase runs a wheel task
    expect(fences(testing)).toEqual([
      'databricks bundle validate -t dev\ndatabricks bundle validate -t prod',
      [
        '# Deploy and test each phase in order',
        'dab-ready deploy --phase 0 --target dev  # Phase 0: Catalog Setup',
        'dab-ready deploy --phase 1 --target dev  # Phase 1: Data Load',
        'dab-ready deploy --phase 2 --target dev  # Phase 2: Training (blocked until its critical gaps are fixed)',
        'dab-ready deploy --phase 3 --target dev  # Phase 3: Serving (held back until Phase 2: Training deploys)',
        'dab-ready deploy --phase 4 --target dev  # Phase 4: Pipeline (held back until Phase 2: Training deploys)',
      ].join('\n'),
    ]);
  });

  it('builds and smoke-tests every wheel-task entry point, per project folder', () => {
    const result = seedResult({ relRoot: 'bundles/em' });
    const b = result.bundles[0];
    b.phases[2].wheelTasks = [
      { job: 'train_ditto', task: 'train', packageName: 'entity_matching', entryPoint: 'train_ditto', projectDir: '.' },
      { job: 'train_ditto', task: 'evaluate', packageName: 'entity_matching', entryPoint: 'evaluate', projectDir: '.' },
    ];
    b.phases[3].wheelTasks = [
      { job: 'register_model', task: 'register', packageName: 'serving', entryPoint: 'register', projectDir: '../libs/serving lib' },
      { job: 'register_model', task: 'other', packageName: 'missing_pkg', entryPoint: 'x' },
    ];
    const testing = renderTestingStrategy(b);
    expect(fences(testing)[0]).toBe(
      [
        '# Build wheel',
        'python -m build',
        '',
        '# Test entry points',
        'pip install dist/*.whl',
        'train_ditto --help',
        'evaluate --help',
        '',
        '# Build wheel',
        "python -m build '../libs/serving lib'",
        '',
        '# Test entry point',
        "pip install '../libs/serving lib/dist'/*.whl",
        'register --help',
        '',
        '# No Python project in the repository is named missing_pkg: build the one that provides it',
      ].join('\n'),
    );
    expect(fences(testing)[2]).toContain('dab-ready deploy bundles/em --phase 2 --target dev  # Phase 2: Training (blocked until its critical gaps are fixed; test wheel tasks train, evaluate)');
  });

  it('prints each verification step with the exact command and, for failures, the last lines', () => {
    expect(md).toContain('```console\n$ /usr/bin/python3 -m build --wheel --no-isolation .\n```');
    expect(md).toContain("Last lines of output:\n\n```text\nTraceback (most recent call last):\nModuleNotFoundError: No module named 'src.models.ditto_cli'\n```");
  });

  it('orders the action plan by severity and concludes with score and blockers', () => {
    expect(md).toContain('1. **Entry points missing** (2h)\n   - Declare the entry point in pyproject.toml\n2. **Wheel not built** (0.5h)');
    expect(md).toContain('**Deployment Readiness:** **65%**');
    expect(md).toContain('**Critical Blockers:** ❌ **2** (Entry points missing, Wheel not built)');
    expect(md).toContain(
      [
        '**Current State:**',
        '- ✅ 2 checks passed',
        '- ✅ Ready to deploy: Phase 0: Catalog Setup, Phase 1: Data Load',
        '- ❌ Blocked: Phase 2: Training',
        '- ⏸️ Held back: Phase 3: Serving, Phase 4: Pipeline (depend on blocked Phase 2: Training)',
        '- ❌ Verification: 1 passed, 1 failed',
      ].join('\n'),
    );
    expect(md).toContain('**Next Step:** Fix Entry points missing, Wheel not built, then deploy Phase 2: Training.');
  });

  it('leaves out the verification section when no step ran', () => {
    const result = seedResult();
    result.bundles[0].verification = [];
    expect(renderMarkdown(result, { checks: seedChecks })).not.toContain('## Verification');
  });

  it('renders one section per bundle when there are several', () => {
    const a = seedResult();
    const b = seedResult({ relRoot: 'other' });
    b.bundles[0].name = 'other_bundle';
    const result: Result = { ...a, bundles: [...a.bundles, ...b.bundles] };
    const out = renderMarkdown(result, { checks: seedChecks, title: 'Readiness' });
    expect(out.startsWith('# Readiness\n')).toBe(true);
    expect(out).toContain('## Bundle entity\\_matching (`.`)');
    expect(out).toContain('## Bundle other\\_bundle (`other`)');
    expect(out).toContain('### Executive Summary');
    expect(out).toContain('#### Gap 1: Entry points missing (`jobs.train_ditto`)');
    expect(out).toContain('- `other/resources/jobs_phase2_training.yml:48`');
  });
});

describe('renderMarkdown (summary) and its sections', () => {
  it('is the short form: status, blockers, checklist, top gaps; no gap details', () => {
    const md = renderMarkdown(seedResult(), { checks: seedChecks, detail: 'summary', topGaps: 3 });
    expect(md).toContain('Readiness score **65/100**');
    expect(md).toContain('## Deployment Readiness Checklist');
    expect(md).toContain('## Top Gaps');
    expect(md).toContain('- 🔴 **CRITICAL** `wheel-not-built` `resources/jobs_phase2_training.yml:40`: No artifact builds the wheel of entity\\_matching');
    expect(md).toContain('- _…and 4 more findings_');
    expect(md).toContain('**Verification:** ❌ 1 passed, 1 failed: smoke `train_ditto` (`dev`)');
    expect(md).not.toContain('**Evidence:**');
    expect(md).not.toContain('## Estimated Effort');
    expect(md.length).toBeLessThan(renderMarkdown(seedResult(), { checks: seedChecks }).length / 2);
  });

  it('exports composable sections', () => {
    const bundle = seedResult().bundles[0];
    expect(renderSummarySection(bundle)).toContain('_1 finding suppressed by configuration or inline comments._');
    expect(renderPhaseChecklist(bundle, { depth: 3 }).startsWith('### Deployment Readiness Checklist')).toBe(true);
    expect(renderTopGaps(bundle, 1, { checks: seedChecks }).split('\n').filter((l) => l.startsWith('- '))).toHaveLength(2);
    const details = renderFindingDetails(bundle.findings[0], { bundle });
    expect(details).toContain('**Issue:** No artifact builds the wheel');
    expect(details).toContain('**Phases:** Phase 2: Training');
  });
});

describe('escaping repository content', () => {
  const md = renderMarkdown(hostileResult(), { checks: seedChecks });

  it('leaves no raw HTML and no live @mention outside code', () => {
    const text = outsideCode(md);
    expect(text).not.toMatch(/[<>]/);
    expect(text).not.toMatch(/@[A-Za-z0-9]/);
    expect(text).toContain('&lt;b&gt;bold&lt;/b&gt; @\u200Doctocat');
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; cc @\u200Dorg/admins &amp; friends');
  });

  it('keeps the crafted file name inside a code span', () => {
    expect(md).toContain(codeSpan(`${EVIL_FILE}:3`));
    expect(md).not.toMatch(/(^|[^`])<img src=x onerror/m);
  });

  it('cannot break out of a fence: evidence, patch and tool output come back whole', () => {
    const blocks = fences(md);
    expect(blocks).toContain('entry_point: "```"\n````\n</code></pre><img src=x>');
    expect(blocks).toContain('```\n[project.scripts]\nx = "a:b"\n````');
    expect(blocks).toContain('```\nError: <html>');
    // testing strategy: repository strings stay inside the fence, quoted as shell words
    const build = blocks.find((b) => b.startsWith('# Build wheel'))!;
    expect(build.split('\n')).toEqual([
      '# Build wheel',
      "python -m build '<b>dir</b>'",
      '',
      '# Test entry point',
      "pip install '<b>dir</b>/dist'/*.whl",
      "'```",
      "<img src=x>'\\''; rm -rf ~' --help",
    ]);
  });

  it('escapes backticks in a message that does not close them, and table pipes', () => {
    expect(escapeMessage('entry point ``` not declared')).toBe('entry point \\`\\`\\` not declared');
    expect(escapeMessage('use `a|b` here', { inTable: true })).toBe('use `a\\|b` here');
    expect(escapeInline('a | b')).toBe('a \\| b');
    expect(fencedBlock('x ```` y', 'yaml<script>')).toBe('`````\nx ```` y\n`````');
    expect(codeSpan('`tick`')).toBe('`` `tick` ``');
  });
});
