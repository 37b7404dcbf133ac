import yauzl from 'yauzl';

// Reads a built wheel (a zip) without shelling out: METADATA, entry_points.txt, the file list.

export interface WheelEntryPoint {
  group: string;
  name: string;
  value: string; // 'module.sub:attr' (extras stripped)
}

export interface WheelContents {
  file: string;
  name?: string;
  version?: string;
  requires: string[];
  entryPoints: WheelEntryPoint[];
  files: string[];
  distInfo?: string;
}

const MAX_MEMBER_BYTES = 2 * 1024 * 1024;
const MAX_ENTRIES = 200_000;

/** Read the members whose names `want` accepts (bounded), and list every file. Throws on a broken zip. */
async function readZip(file: string, want: (name: string) => boolean): Promise<{ files: string[]; texts: Map<string, string> }> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true });
  const files: string[] = [];
  const texts = new Map<string, string>();
  try {
    for await (const entry of zip.eachEntry()) {
      if (files.length >= MAX_ENTRIES) break;
      if (entry.fileName.endsWith('/')) continue;
      files.push(entry.fileName);
      if (!want(entry.fileName) || entry.uncompressedSize > MAX_MEMBER_BYTES) continue;
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      texts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
    }
  } finally {
    zip.close();
  }
  return { files: files.sort(), texts };
}

export async function readWheel(file: string): Promise<WheelContents> {
  const isDistInfoMember = (name: string) => /^[^/]+\.dist-info\/(METADATA|entry_points\.txt)$/.test(name);
  const { files, texts } = await readZip(file, isDistInfoMember);
  const distInfos = [...new Set(files.map((f) => f.split('/')[0]).filter((d) => d.endsWith('.dist-info')))];
  const distInfo = distInfos.find((d) => texts.has(`${d}/METADATA`)) ?? distInfos[0];
  const metadata = parseMetadata(distInfo ? texts.get(`${distInfo}/METADATA`) ?? '' : '');
  return {
    file,
    name: metadata.get('name')?.[0],
    version: metadata.get('version')?.[0],
    requires: metadata.get('requires-dist') ?? [],
    entryPoints: parseEntryPoints(distInfo ? texts.get(`${distInfo}/entry_points.txt`) ?? '' : ''),
    files,
    distInfo,
  };
}

/** One member's text, or undefined when absent or too large. */
export async function readWheelMember(file: string, member: string): Promise<string | undefined> {
  const { texts } = await readZip(file, (name) => name === member);
  return texts.get(member);
}

/** RFC 822 style headers up to the first blank line; keys lower-cased, repeated keys kept in order. */
export function parseMetadata(text: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  let last: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line === '') break;
    if (/^[ \t]/.test(line) && last) {
      const values = headers.get(last)!;
      values[values.length - 1] += `\n${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    const values = headers.get(last) ?? [];
    values.push(line.slice(colon + 1).trim());
    headers.set(last, values);
  }
  return headers;
}

/** entry_points.txt: an INI file, `[group]` then `name = module:attr [extras]`. */
export function parseEntryPoints(text: string): WheelEntryPoint[] {
  const result: WheelEntryPoint[] = [];
  let group: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      group = header[1].trim();
      continue;
    }
    const eq = line.indexOf('=');
    if (!group || eq <= 0) continue;
    const value = line.slice(eq + 1).replace(/\[[^\]]*\]\s*$/, '').trim();
    result.push({ group, name: line.slice(0, eq).trim(), value });
  }
  return result;
}

/** Whether `module` (dotted) is importable from the wheel's files: a module, a package, an extension or a namespace dir. */
export function wheelHasModule(files: readonly string[], module: string): boolean {
  const base = module.split('.').join('/');
  return files.some(
    (f) =>
      f === `${base}.py` ||
      f === `${base}/__init__.py` ||
      (f.startsWith(`${base}.`) && /\.(so|pyd)$/.test(f) && !f.slice(base.length + 1).includes('/')) ||
      (f.startsWith(`${base}/`) && f.endsWith('.py')),
  );
}

/** The file that defines `module` in the wheel (for reading its source), if it is a plain .py module/package. */
export function moduleFile(files: readonly string[], module: string): string | undefined {
  const base = module.split('.').join('/');
  return files.find((f) => f === `${base}.py`) ?? files.find((f) => f === `${base}/__init__.py`);
}

/** Top-level import names the wheel provides (directories and modules outside *.dist-info / *.data). */
export function topLevelNames(files: readonly string[]): string[] {
  const names = new Set<string>();
  for (const f of files) {
    const first = f.split('/')[0];
    if (first.endsWith('.dist-info') || first.endsWith('.data')) continue;
    if (f.includes('/')) names.add(first);
    else if (/\.(py|so|pyd)$/.test(first)) names.add(first.split('.')[0]);
  }
  return [...names].sort();
}
