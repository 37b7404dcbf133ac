// The parsers' mapping and sequence nodes: where each is written is kept as one small integer (line
// and column packed) and the file, and the `loc` a caller reads is made when asked for, instead of a
// Loc object per collection held for the whole run (a bundle has tens of thousands of mappings).
// Scalars keep a plain `loc`: checks copy them with `{ ...scalar, value }`, which an accessor would not survive.
import type { KeyLocs, Loc, MapNode, Node, SeqNode } from '../model.js';

const COLUMN_BITS = 12;
const MAX_COLUMN = (1 << COLUMN_BITS) - 1;
/** Packed positions stay below 2^31: a small integer, no heap number. */
const MAX_LINE = (1 << (31 - COLUMN_BITS)) - 1;

/** Line and column in one small integer when both fit, else the Loc itself. */
function position(file: string, line: number, column: number): number | Loc {
  return line <= MAX_LINE && column <= MAX_COLUMN ? line * (MAX_COLUMN + 1) + column : { file, line, column };
}

function locOf(file: string, at: number | Loc): Loc {
  return typeof at === 'number' ? { file, line: Math.floor(at / (MAX_COLUMN + 1)), column: at & MAX_COLUMN } : at;
}

/** Where a parsed collection is written: read as a Loc, kept as a packed position. */
abstract class Located {
  private readonly at: number | Loc;

  constructor(
    private readonly file: string,
    line: number,
    column: number,
  ) {
    this.at = position(file, line, column);
  }

  get loc(): Loc {
    return locOf(this.file, this.at);
  }
}

export class ParsedMap extends Located implements MapNode {
  readonly kind = 'map';

  constructor(
    public entries: Map<string, Node>,
    public keyLocs: KeyLocs,
    file: string,
    line: number,
    column: number,
  ) {
    super(file, line, column);
  }
}

export class ParsedSeq extends Located implements SeqNode {
  readonly kind = 'seq';

  constructor(
    public items: Node[],
    file: string,
    line: number,
    column: number,
  ) {
    super(file, line, column);
  }
}
