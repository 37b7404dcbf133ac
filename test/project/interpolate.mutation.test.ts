// Interpolation (src/project/interpolate.ts) through the loader's target view over a bundle on disk:
// cases the other interpolation tests leave open (repeats, remembered values, aliases, nulls, cycles
// next to unknown values, references without a name).
import { describe, expect, it } from 'vitest';
import type { Loc, TargetView } from '../../src/model.js';
import { loadProject } from '../../src/project/load.js';
import { writeRepo } from './loader-helpers.js';

const LOC: Loc = { file: 'databricks.yml', line: 2, column: 3 };

const CONFIG = `bundle:
  name: demo
variables:
  c:
    type: complex
    default:
      k: from-c
      empty: null
      list: [1, 2]
  alias:
    default: \${var.c}
  word:
    default: w
  a:
    default: \${resources.jobs.j.id}-\${var.b}
  b:
    default: \${var.a}
`;

function dev(): TargetView {
  return loadProject(writeRepo({ 'databricks.yml': CONFIG }), { env: {}, vars: {} }).bundles[0].targets.get('default')!;
}

const texts = (refs: { text: string }[]): string[] => refs.map((r) => r.text);

describe('interpolate: repeats and remembered values', () => {
  it('a reference written twice is listed once', () => {
    const r = dev().interpolate('${var.nope}/${var.nope} ${resources.jobs.j.id}/${resources.jobs.j.id}', LOC);
    expect(texts(r.undefinedRefs)).toEqual(['${var.nope}']);
    expect(texts(r.unresolved)).toEqual(['${resources.jobs.j.id}']);
  });

  it('a field of a variable is never remembered as the variable itself, nor the other way round', () => {
    const target = dev();
    expect(target.interpolate('${var.c.k}', LOC).value).toBe('from-c');
    expect(target.interpolate('x ${var.c}', LOC)).toMatchObject({ value: 'x ${var.c}', resolved: false });
    expect(target.interpolate('${var.word}', LOC).value).toBe('w');
    expect(target.interpolate('${var.word.x}', LOC)).toMatchObject({ resolved: false, value: '${var.word.x}' });
    expect(target.interpolate('${var.word} ${var.word}', LOC).value).toBe('w w');
  });
});

describe('interpolate: values as written', () => {
  it('a variable whose value is a reference to a complex one cannot be indexed (the CLI indexes the value as written)', () => {
    const r = dev().interpolate('${var.alias.k}', LOC);
    expect(r.value).toBe('${var.alias.k}');
    expect(r.undefinedRefs).toEqual([{ text: '${var.alias.k}', path: 'var.alias.k', loc: LOC, reason: 'expected a map to index "variables.alias.value.k", found string' }]);
  });

  it('a null field of a complex value stays a reference, never the text "null"', () => {
    const r = dev().interpolate('x=${var.c.empty}', LOC);
    expect(r.value).toBe('x=${var.c.empty}');
    expect(texts(r.unresolved)).toEqual(['${var.c.empty}']);
    expect(r.undefinedRefs).toEqual([]);
  });

  it('a list item by position, and past the end names nothing', () => {
    const r = dev().interpolate('${var.c.list[1]} ${var.c.list[2]}', LOC);
    expect(r.value).toBe('2 ${var.c.list[2]}');
    expect(texts(r.undefinedRefs)).toEqual(['${var.c.list[2]}']);
  });
});

describe('interpolate: cycles and references without a name', () => {
  it('a cycle next to an unknown value is still reported as a cycle', () => {
    const r = dev().interpolate('${var.a}', LOC);
    expect(texts(r.unresolved)).toEqual(['${var.a}']);
    expect(texts(r.cycles ?? [])).toEqual(['${var.a}']);
    expect(r.undefinedRefs).toEqual([]);
  });

  it('an unknown value that is no cycle has no cycles list', () => {
    const r = dev().interpolate('${resources.jobs.j.id}', LOC);
    expect(r.cycles).toBeUndefined();
    expect(texts(r.unresolved)).toEqual(['${resources.jobs.j.id}']);
  });

  it('${var} and ${variables} name no variable; a map by position names nothing; ${variables.c} is unknown', () => {
    const r = dev().interpolate('${var} ${variables} ${var.c[0]}', LOC);
    expect(r.undefinedRefs.map((x) => [x.text, x.reason])).toEqual([
      ['${var}', undefined],
      ['${variables}', undefined],
      ['${var.c[0]}', 'expected a sequence to index "variables.c.value[0]", found map'],
    ]);
    const bare = dev().interpolate('${variables.c}', LOC);
    expect(texts(bare.unresolved)).toEqual(['${variables.c}']);
  });
});
