import { describe, expect, it } from 'vitest';
import { commentMarker, COMMENT_BUDGET, renderCommentBody } from '../../src/github/comment-body.js';
import { baselineFromResult, compareBundle, readEmbeddedDigest } from '../../src/github/delta.js';
import { bundle, finding, result } from './factory.js';

function balanced(body: string) {
  const fences = body.split('\n').filter((l) => /^\s{0,3}```/.test(l)).length;
  const open = (body.match(/<details>/g) ?? []).length;
  const close = (body.match(/<\/details>/g) ?? []).length;
  return { fencesClosed: fences % 2 === 0, detailsClosed: open === close };
}

describe('comment body', () => {
  it('puts the short form first and the details in <details>', () => {
    const b = bundle([finding('wheel-not-built', 'critical', 'resources/train.yml', 24), finding('cli-init-missing', 'low', 'databricks.yml', 4)]);
    const body = renderCommentBody({ result: result([b]), bundle: b, prefix: '', runUrl: 'https://github.com/o/r/actions/runs/1' });
    expect(body.startsWith('<!-- dab-ready:. -->\n')).toBe(true);
    const order = ['**Readiness:** 60%', 'Deployment Readiness Checklist', 'Top Gaps', '<details>', 'Full report: [job summary](https://github.com/o/r/actions/runs/1)', '<!-- dab-ready-data '];
    const positions = order.map((s) => body.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
    expect(body).not.toContain('left out');
  });

  it('keeps an oversized report under 65,536 characters by dropping whole blocks', () => {
    const evidence = Array.from({ length: 40 }, (_, i) => `  task_${i}: {python_wheel_task: {package_name: pkg, entry_point: main_${i}}}`).join('\n');
    const findings = Array.from({ length: 400 }, (_, i) =>
      finding(`check-${i % 60}`, (['critical', 'high', 'medium', 'low'] as const)[i % 4], `resources/jobs_${i}.yml`, i + 1, { evidence, impact: 'It fails. '.repeat(30) }),
    );
    const b = bundle(findings);
    const body = renderCommentBody({ result: result([b]), bundle: b, prefix: '', runUrl: 'https://github.com/o/r/actions/runs/9' });
    expect(body.length).toBeLessThanOrEqual(COMMENT_BUDGET);
    expect(body.length).toBeGreaterThan(COMMENT_BUDGET * 0.5); // it uses the room, not a stub
    expect(balanced(body)).toEqual({ fencesClosed: true, detailsClosed: true });
    expect(body).toContain("left out to stay within GitHub's comment size limit");
    expect(body).toMatch(/_…and \d+ more gaps in the \[job summary\]\(https:\/\/github.com\/o\/r\/actions\/runs\/9\)\._/);
    expect(body).toContain('Top Gaps');
    // the embedded data survives, bounded
    expect(readEmbeddedDigest(body)?.findings.length).toBe(200);
  });

  it('still fits when even the short form is huge (hundreds of phases)', () => {
    const phases = Array.from({ length: 400 }, (_, i) => ({
      id: String(i), name: `Phase ${i}: ${'x'.repeat(40)}`, order: i, status: 'partial' as const, resources: [], jobs: [`job_${i}`], files: [],
      checklist: Array.from({ length: 10 }, (_, j) => ({ text: `item ${j} of a long checklist line that repeats`, ok: j % 2 === 0 })), dependsOn: [],
    }));
    const b = bundle([finding('a', 'high', 'a.yml', 1)], { phases });
    const body = renderCommentBody({ result: result([b]), bundle: b, prefix: '' });
    expect(body.length).toBeLessThanOrEqual(COMMENT_BUDGET);
    expect(body).toContain('### Phases'); // the one-line-per-phase fallback
    expect(balanced(body).fencesClosed).toBe(true);
  });

  it('shows the change against the base and lists new and resolved findings', () => {
    const base = result([bundle([finding('wheel-not-built', 'critical', 'resources/train.yml', 24), finding('old-gap', 'medium', 'x.yml', 3)])]);
    const head = bundle([finding('new-gap', 'high', 'y.yml', 7)]);
    const delta = compareBundle(head, baselineFromResult(base, 'abc1234def5678'))!;
    const body = renderCommentBody({ result: result([head]), bundle: head, prefix: '', delta });
    expect(body).toContain('**Readiness:** 90% (up from 60%)');
    expect(body).toContain('compared with the base commit `abc1234def56`');
    expect(body).toContain('**1 new** · **2 resolved**');
    expect(body).toMatch(/\*\*New findings\*\*\n\n- .*new-gap.*y\.yml:7/);
    expect(body).toMatch(/\*\*Resolved findings\*\*\n\n- ✅ \*\*CRITICAL\*\*.*resources\/train\.yml:24/);
  });

  it('escapes repository content: names, file names and messages cannot inject HTML, mentions or end the marker', () => {
    const evil = finding('bad', 'high', 'notebooks/<img src=x onerror=alert(1)>.py', 1, { message: '@octocat please <script>alert(1)</script> -->' });
    const b = bundle([evil], { name: '<b>@admins</b> -->', root: 'bundles/a-->b' });
    const body = renderCommentBody({ result: result([b]), bundle: b, prefix: 'repo root' });
    // Markdown does not interpret HTML inside code spans; everywhere else it must be escaped.
    const outsideCode = body.replace(/`[^`\n]*`/g, '');
    expect(outsideCode.split('-->').length - 1).toBe(2); // the ends of our own two HTML comments
    const visible = outsideCode.replace(/<!--[\s\S]*?-->/g, '');
    expect(visible).not.toMatch(/<(script|img|b)\b/);
    expect(visible).toContain('&lt;script&gt;');
    expect(visible).not.toMatch(/@(octocat|admins)/); // mentions broken with a zero-width joiner
    expect(visible).toContain('@\u200Doctocat');
    expect(body.startsWith(commentMarker('repo root/bundles/a-->b'))).toBe(true);
    expect(commentMarker('repo root/bundles/a-->b')).toBe('<!-- dab-ready:repo%20root/bundles/a%2d-%3eb -->');
    expect(readEmbeddedDigest(body)?.findings[0].file).toBe('notebooks/<img src=x onerror=alert(1)>.py');
  });
});
