import { StringDecoder } from 'node:string_decoder';

// Splits a program's output into lines in linear time and bounded memory: a line longer than
// `maxLineChars` keeps its first characters and says how many were cut, whether or not its newline
// ever comes (1 GB without a newline costs `maxLineChars`, not 1 GB).

export const MAX_LINE_CHARS = 4096;

export interface OutputStats {
  bytes: number;
  lines: number;
  /** Lines longer than the cap (their tail was cut). */
  cutLines: number;
  /** Length of the longest line seen (characters), counted even where it was cut. */
  longestLine: number;
}

export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private pieces: string[] = [];
  private kept = 0;
  private dropped = 0;
  readonly stats: OutputStats = { bytes: 0, lines: 0, cutLines: 0, longestLine: 0 };

  constructor(
    private readonly emit: (line: string) => void,
    private readonly maxLineChars = MAX_LINE_CHARS,
  ) {}

  push(chunk: Buffer): void {
    this.stats.bytes += chunk.length;
    this.feed(this.decoder.write(chunk));
  }

  /** The last, unterminated line (if any). */
  end(): void {
    this.feed(this.decoder.end());
    if (this.kept > 0 || this.dropped > 0) this.flush();
  }

  private feed(text: string): void {
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      this.take(text, start, nl);
      this.flush();
      start = nl + 1;
    }
    this.take(text, start, text.length);
  }

  private take(text: string, from: number, to: number): void {
    const room = this.maxLineChars - this.kept;
    const keep = Math.max(0, Math.min(room, to - from));
    if (keep > 0) {
      this.pieces.push(text.slice(from, from + keep));
      this.kept += keep;
    }
    this.dropped += to - from - keep;
  }

  private flush(): void {
    let line = this.pieces.length === 1 ? this.pieces[0] : this.pieces.join('');
    if (line.endsWith('\r') && this.dropped === 0) line = line.slice(0, -1);
    const length = this.kept + this.dropped;
    this.stats.lines++;
    if (length > this.stats.longestLine) this.stats.longestLine = length;
    if (this.dropped > 0) {
      this.stats.cutLines++;
      line += ` [... ${this.dropped.toLocaleString('en-US')} more characters cut by dab-ready]`;
    }
    this.pieces = [];
    this.kept = 0;
    this.dropped = 0;
    this.emit(line);
  }
}
