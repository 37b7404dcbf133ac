// Markdown as GitHub shows it, for tests: rendered by a CommonMark + GFM-tables renderer
// (markdown-it with raw HTML on, as GitHub allows a sanitised subset), and the number of lines a
// reader sees when every <details> is collapsed.
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: true, linkify: true });

export function renderHtml(markdown: string): string {
  return md.render(markdown);
}

/** Characters per rendered line in a pull request comment (about 800 px of 14 px text). */
export const LINE_CHARS = 110;
/** A Mermaid flowchart drawn left to right is about this many text lines tall. */
export const MERMAID_LINES = 4;

/** Lines a reader sees with every <details> closed: each paragraph, list item, heading, table row
 *  and summary is at least one line (more when its text wraps), a code block one per line. */
export function collapsedLines(markdown: string): number {
  let html = renderHtml(markdown)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<details>\s*(<summary>[\s\S]*?<\/summary>)[\s\S]*?<\/details>/g, '<p>$1</p>');
  let lines = 0;
  html = html.replace(/<pre><code class="language-mermaid">[\s\S]*?<\/code><\/pre>/g, () => {
    lines += MERMAID_LINES;
    return '';
  });
  html = html.replace(/<pre><code[^>]*>([\s\S]*?)<\/code><\/pre>/g, (_m, code: string) => {
    lines += code.replace(/\n$/, '').split('\n').length;
    return '';
  });
  for (const m of html.matchAll(/<(p|li|h[1-6]|tr)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
    if (m[1] === 'li' && /<(p|li)\b/.test(m[2])) continue; // counted through its children
    const text = m[2].replace(/<[^>]+>/g, '').replace(/&[a-z#0-9]+;/gi, 'x').trim();
    lines += Math.max(1, Math.ceil(text.length / LINE_CHARS));
  }
  return lines;
}
