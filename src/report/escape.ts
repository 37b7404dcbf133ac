// Everything that comes from the repository (file names, messages, evidence, resource names) goes
// through here before it reaches Markdown: no raw HTML, no @mentions, no breaking out of code.

const ZWJ = '\u200D';

/** One line with `&`, `<` and `>` as entities. */
function htmlText(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `@name` with a zero-width joiner after the `@`: shown the same, pings nobody. */
function breakMentions(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9_-])/g, '@' + ZWJ);
}

/** Text inside raw HTML (a `<summary>`, an attribute): entities for HTML, mentions broken, one line. */
export function escapeHtml(text: string): string {
  return breakMentions(htmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
}

/** Text for a Markdown paragraph or table cell: one line, HTML and Markdown syntax neutralised. */
export function escapeInline(text: string): string {
  return breakMentions(htmlText(text).replace(/[\\`*_[\]|~]/g, (c) => '\\' + c)).replace(/^(\s*)([#+-]|\d+[.)])(\s)/, '$1\\$2$3');
}

/** A message that may quote code between backticks (`entry_point`): the quoted parts become safe
 *  code spans, everything else is escaped. One line. */
export function escapeMessage(text: string, options: { inTable?: boolean } = {}): string {
  const line = text.replace(/\r\n|\r|\n/g, ' ');
  let out = '';
  let i = 0;
  while (i < line.length) {
    const open = line.indexOf('`', i);
    if (open === -1) break;
    let n = 1;
    while (line[open + n] === '`') n++;
    const close = findRun(line, open + n, n);
    if (close === -1) {
      out += escapeInline(line.slice(i, open + n));
      i = open + n;
      continue;
    }
    out += escapeInline(line.slice(i, open));
    const body = line.slice(open + n, close);
    out += body.trim() ? codeSpan(body.trim(), options) : escapeInline(line.slice(open, close + n));
    i = close + n;
  }
  return out + escapeInline(line.slice(i));
}

/** The next run of exactly `n` backticks at or after `from`, or -1. */
function findRun(text: string, from: number, n: number): number {
  let i = from;
  while (i < text.length) {
    const at = text.indexOf('`', i);
    if (at === -1) return -1;
    let m = 1;
    while (text[at + m] === '`') m++;
    if (m === n) return at;
    i = at + m;
  }
  return -1;
}

/** Several lines of text, each escaped; the line breaks are kept as Markdown hard breaks. */
export function escapeLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => escapeMessage(line))
    .join('  \n');
}

/** An inline code span that cannot be broken out of; in a table cell `|` is escaped as GFM requires. */
export function codeSpan(text: string, options: { inTable?: boolean } = {}): string {
  let body = text.replace(/\r\n|\r|\n/g, ' ');
  const longest = longestRun(body, '`');
  const fence = '`'.repeat(longest + 1);
  if (body.startsWith('`') || body.endsWith('`') || (body.startsWith(' ') && body.endsWith(' ') && body.trim())) body = ` ${body} `;
  if (options.inTable) body = body.replace(/\|/g, '\\|');
  return fence + body + fence;
}

/** A fenced code block whose fence is longer than any backtick run inside. */
export function fencedBlock(content: string, language = ''): string {
  const fence = '`'.repeat(Math.max(3, longestRun(content, '`') + 1));
  const lang = /^[A-Za-z0-9_+.-]{1,20}$/.test(language) ? language : '';
  const body = content.replace(/\r\n|\r/g, '\n').replace(/\n+$/, '');
  return `${fence}${lang}\n${body}\n${fence}`;
}

function longestRun(text: string, ch: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

const LANGUAGES: Record<string, string> = {
  yml: 'yaml',
  yaml: 'yaml',
  json: 'json',
  py: 'python',
  toml: 'toml',
  cfg: 'ini',
  ini: 'ini',
  sql: 'sql',
  scala: 'scala',
  r: 'r',
  sh: 'bash',
  txt: 'text',
  ipynb: 'json',
};

/** The fence language for a file name (`yaml` for `.yml`, ...). */
export function languageFor(file: string | undefined): string {
  if (!file) return '';
  const m = /\.([A-Za-z0-9]+)$/.exec(file);
  return m ? (LANGUAGES[m[1].toLowerCase()] ?? '') : '';
}

/** ANSI styling for the terminal; identity when colour is off. Strips control characters from input. */
export function ansi(color: boolean) {
  const wrap = (code: string) => (s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  return {
    red: wrap('31'),
    yellow: wrap('33'),
    green: wrap('32'),
    blue: wrap('34'),
    magenta: wrap('35'),
    dim: wrap('2'),
    bold: wrap('1'),
  };
}

/** Terminal-safe text: control characters (escape sequences from a crafted file name) are removed. */
export function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}
