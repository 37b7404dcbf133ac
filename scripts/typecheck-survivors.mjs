// Which surviving mutants would not even compile: `npm run mutate` runs Stryker without its
// TypeScript checker (too slow: 5-14 mutants a minute), so a mutant that does not type-check but
// that no test kills counts as survived, and the score is a lower bound. This applies each
// Survived / NoCoverage mutant of Stryker's JSON report to its file in memory (never on disk) and
// type-checks it with one TypeScript language service over the tsconfig Stryker's checker uses, then
// prints the score per module with those mutants counted as CompileError, as Stryker's checker would.
//   node scripts/typecheck-survivors.mjs [report.json] [--tsconfig tsconfig.stryker.json] [--list]
// --list also prints each survivor that compiles (file:line, mutator, the edit).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { DEFAULT_REPORT, markdownTable, mutationRows, percent } from './mutation-table.mjs';

const JUDGED = new Set(['Survived', 'NoCoverage']);

/** [from, to): where the mutant's location is in the text (Stryker's lines and columns are 1-based). */
function span(source, { start, end }) {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const offset = ({ line, column }) => lineStarts[line - 1] + column - 1;
  return [offset(start), offset(end)];
}

/** The file's text with the mutant's replacement applied. */
export function applyMutant(source, { location, replacement }) {
  const [from, to] = span(source, location);
  return source.slice(0, from) + replacement + source.slice(to);
}

/**
 * Type-checks every Survived / NoCoverage mutant of the report.
 * @param {{ files: Record<string, { source: string, mutants: object[] }> }} report
 * @param {{ root?: string, tsconfig?: string }} [options] file paths of the report are relative to root
 * @returns {{ report: object, compileErrors: number, checked: number, skipped: string[] }}
 *   a copy of the report whose non-compiling survivors have status CompileError; files outside the
 *   tsconfig or that do not type-check unmutated are skipped (their survivors are left as they are)
 */
export function typecheckSurvivors(report, { root = process.cwd(), tsconfig = 'tsconfig.stryker.json' } = {}) {
  const config = ts.getParsedCommandLineOfConfigFile(path.resolve(root, tsconfig), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  // the declarations are emitted only to compare a module's public types before and after a mutant
  const options = { ...config.options, noEmit: false, declaration: true, emitDeclarationOnly: true };
  const texts = new Map(); // file -> { text, version }: the files the report mutates, as it saw them
  const host = {
    getScriptFileNames: () => config.fileNames,
    getScriptVersion: (file) => String(texts.get(file)?.version ?? 0),
    getScriptSnapshot: (file) => {
      const text = texts.get(file)?.text ?? ts.sys.readFile(file);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => root,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  const setText = (file, text) => texts.set(file, { text, version: (texts.get(file)?.version ?? 0) + 1 });
  const errors = (file) => service.getSyntacticDiagnostics(file).length + service.getSemanticDiagnostics(file).length;
  const declarations = (file) => service.getEmitOutput(file, true).outputFiles.map((o) => o.text).join('\n');
  const importers = importersOf(service.getProgram(), options);

  const copy = structuredClone(report);
  let compileErrors = 0;
  let checked = 0;
  const skipped = [];
  for (const [name, entry] of Object.entries(copy.files)) {
    const judged = entry.mutants.filter((m) => JUDGED.has(m.status));
    if (judged.length === 0) continue;
    const file = path.resolve(root, name);
    setText(file, entry.source);
    if (!service.getProgram().getSourceFile(file) || errors(file) > 0) {
      skipped.push(name);
      continue;
    }
    const publicTypes = declarations(file);
    for (const mutant of judged) {
      setText(file, applyMutant(entry.source, mutant));
      checked++;
      // a mutant that leaves the module's declarations as they were cannot break a module importing it
      const broken = errors(file) > 0 || (declarations(file) !== publicTypes && [...dependents(file, importers)].some((f) => errors(f) > 0));
      if (broken) {
        mutant.status = 'CompileError';
        compileErrors++;
      }
    }
    setText(file, entry.source);
  }
  return { report: copy, compileErrors, checked, skipped };
}

/** file -> the project's files that import it */
function importersOf(program, options) {
  const importers = new Map();
  for (const source of program.getSourceFiles()) {
    if (source.isDeclarationFile) continue;
    for (const statement of source.statements) {
      const specifier = statement.moduleSpecifier;
      if (!specifier || !ts.isStringLiteral(specifier)) continue;
      const target = ts.resolveModuleName(specifier.text, source.fileName, options, ts.sys).resolvedModule?.resolvedFileName;
      if (!target) continue;
      const key = path.resolve(target);
      importers.set(key, [...(importers.get(key) ?? []), path.resolve(source.fileName)]);
    }
  }
  return importers;
}

/** Every file importing `file`, directly or through others. */
function dependents(file, importers) {
  const seen = new Set();
  const visit = (f) => {
    for (const importer of importers.get(f) ?? []) {
      if (seen.has(importer)) continue;
      seen.add(importer);
      visit(importer);
    }
  };
  visit(file);
  seen.delete(file);
  return seen;
}

/** One row per module: the score as measured and with the mutants that do not compile left out. */
export function typecheckedTable(before, after) {
  const measured = new Map(mutationRows(before).map((r) => [r.module, r]));
  const header = ['module', 'mutants', 'killed+timeout', 'survived', 'no-coverage', 'compile-errors', 'score measured', 'score typechecked'];
  const cells = mutationRows(after).map((r) => {
    const was = measured.get(r.module);
    const counts = [was.mutants, r.killed + r.timeout, r.survived, r.noCoverage, was.mutants - r.mutants];
    return [r.module, ...counts.map(String), percent(was.score), percent(r.score)];
  });
  return markdownTable(header, cells);
}

/** The survivors that compile, one line each: file:line:column mutator `original` -> `replacement`. */
export function survivorLines(report) {
  const lines = [];
  for (const [name, { source, mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    for (const m of mutants.filter((m) => JUDGED.has(m.status)).sort((a, b) => a.location.start.line - b.location.start.line)) {
      const short = (s) => JSON.stringify(s.replace(/\s+/g, ' ').slice(0, 60));
      lines.push(`${name}:${m.location.start.line}:${m.location.start.column} ${m.status} ${m.mutatorName} ${short(source.slice(...span(source, m.location)))} -> ${short(m.replacement)}`);
    }
  }
  return lines;
}

/** Type-checks the survivors and prints what it found: the files skipped, the count and time, the table. */
export function printTypechecked(report, options, { list = false } = {}) {
  const started = performance.now();
  const result = typecheckSurvivors(report, options);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  for (const name of result.skipped) console.error(`typecheck-survivors: ${name} does not type-check as the report saw it: its survivors are left as they are`);
  console.log(`${result.checked} survivors type-checked in ${seconds} s: ${result.compileErrors} do not compile\n`);
  console.log(typecheckedTable(report, result.report));
  if (list) console.log(`\nsurvivors that compile:\n${survivorLines(result.report).join('\n')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const option = (name) => {
    const i = args.indexOf(name);
    return i < 0 ? undefined : args.splice(i, 2)[1];
  };
  const tsconfig = option('--tsconfig');
  const list = args.includes('--list');
  const file = args.find((a) => !a.startsWith('--')) ?? DEFAULT_REPORT;
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`typecheck-survivors: cannot read ${file}: ${error.message}`);
    process.exit(1);
  }
  printTypechecked(report, { tsconfig }, { list });
}
