import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import { createLanguageService, type RoleBlueprintLanguageService } from '../../server/src/core';
import { BlueprintParser } from '../../server/src/core/parse';
import { mutate, random } from './mutate';
import { parseDifference } from './parseDifference';

/**
 * Feeds mutated blueprints to every feature of the core and records what a user would suffer
 * from: a throw, a range outside the document, or time that grows faster than the text.
 */

export interface FuzzFailure {
  readonly seed: number;
  readonly applied: readonly string[];
  readonly feature: string;
  readonly problem: string;
}

export interface FuzzStats {
  inputs: number;
  diagnostics: number;
  crashes: FuzzFailure[];
  outOfRange: FuzzFailure[];
  slow: FuzzFailure[];
  /** Inputs whose parse, made from the pieces of the previous input's parse, differs from a whole parse. */
  parseDifferences: FuzzFailure[];
  /** Worst time per 1,000 characters seen, in ms. */
  worstMsPerKChar: number;
  totalMs: number;
}

/** Generous linear bound (CI machines are shared): a fixed 1 s plus 50 ms per 1,000 characters. */
export function timeBoundMs(length: number): number {
  return 1000 + (50 * length) / 1000;
}

export function loadSeeds(root = process.cwd()): string[] {
  const dir = path.join(root, 'examples');
  const seeds = fs.readdirSync(dir).filter((f) => /\.role\.ya?ml$/.test(f)).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  if (seeds.length === 0) throw new Error('no seed blueprints in examples/');
  return seeds;
}

function inside(doc: TextDocument, range: Range | undefined): boolean {
  if (!range) return true;
  const ok = (p: Position) => Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0 && p.line < doc.lineCount && p.character <= lineLength(doc, p.line);
  return ok(range.start) && ok(range.end) && (range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character));
}

/** The length of `line` without its line break: the last character a position may name. */
function lineLength(doc: TextDocument, line: number): number {
  const start = doc.offsetAt({ line, character: 0 });
  const end = line + 1 < doc.lineCount ? doc.offsetAt({ line: line + 1, character: 0 }) : doc.getText().length;
  return doc.getText().slice(start, end).replace(/\r?\n$|\r$/, '').length;
}

type Feature = (service: RoleBlueprintLanguageService, doc: TextDocument, position: Position, diagnostics: Diagnostic[]) => unknown;

/** Every feature of the service that takes a document; the ranges each returns are checked. */
const FEATURES: Record<string, Feature> = {
  diagnostics: (s, d) => s.computeDiagnostics(d),
  render: (s, d) => s.render(d, 'html'),
  markdown: (s, d) => s.render(d, 'markdown'),
  symbols: (s, d) => s.documentSymbols(d),
  folding: (s, d) => s.foldingRanges(d).map((f) => ({ range: { start: { line: f.startLine, character: 0 }, end: { line: f.endLine, character: 0 } } })),
  completion: (s, d, p) => s.getCompletions(d, p),
  hover: (s, d, p) => s.getHover(d, p),
  definition: (s, d, p) => s.findDefinition(d, p).map((l) => ({ range: l.originSelectionRange })),
  references: (s, d, p) => s.findReferences(d, p, true),
  codeActions: (s, d, p, diagnostics) => s.getCodeActions(d, { start: p, end: p }, { diagnostics }).flatMap((a) => a.edit?.changes?.[d.uri] ?? []),
  format: (s, d) => s.format(d, { tabSize: 2, insertSpaces: true }),
};

/** Ranges anywhere in a feature's result (diagnostics, symbols, edits, hovers…). */
function collectRanges(value: unknown, out: Range[] = [], depth = 0): Range[] {
  if (!value || typeof value !== 'object' || depth > 12) return out;
  if (Array.isArray(value)) {
    for (const v of value) collectRanges(v, out, depth + 1);
    return out;
  }
  const record = value as Record<string, unknown>;
  if (isRange(record.range)) out.push(record.range);
  if (isRange(record.selectionRange)) out.push(record.selectionRange);
  for (const [key, v] of Object.entries(record)) if (key !== 'range' && key !== 'selectionRange' && key !== 'data' && key !== 'relatedInformation') collectRanges(v, out, depth + 1);
  return out;
}

function isRange(value: unknown): value is Range {
  const r = value as Range | undefined;
  return !!r && typeof r === 'object' && typeof r.start?.line === 'number' && typeof r.end?.line === 'number';
}

export function runFuzz(options: { count: number; seed?: number; seeds?: string[]; onProgress?: (done: number) => void }): FuzzStats {
  const seeds = options.seeds ?? loadSeeds();
  const stats: FuzzStats = { inputs: 0, diagnostics: 0, crashes: [], outOfRange: [], slow: [], parseDifferences: [], worstMsPerKChar: 0, totalMs: 0 };
  const service = createLanguageService();
  const base = options.seed ?? 1;
  // Mocha sets Error.stackTraceLimit to Infinity; the yaml package raises an error per level of
  // a deeply nested broken input, and capturing an unlimited stack each time made one input
  // 30x slower than in the server. Time is measured under Node's default, as the server runs.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 10;
  try {
    fuzzInputs(options, seeds, stats, service, base);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  return stats;
}

function fuzzInputs(options: { count: number; onProgress?: (done: number) => void }, seeds: readonly string[], stats: FuzzStats, service: RoleBlueprintLanguageService, base: number): void {
  for (let i = 0; i < options.count; i++) {
    const seed = base + i;
    const source = seeds[i % seeds.length];
    const { text, applied } = mutate(source, seed);
    // Every input is the next version of an open document, as in an editor: the parser reuses
    // what it can of the previous version's parse (sections, list items), and must still give
    // exactly what a whole parse gives. One document per seed blueprint: consecutive inputs come
    // from different seeds and share almost nothing (one document for all reused 0 list items
    // and 3 sections in 4,340 over the bounded slice; one per seed, 658 items and 1,307 sections).
    const doc = TextDocument.create(`file:///fuzz/doc-${i % seeds.length}.role.yaml`, 'role-blueprint', i + 1, text);
    const rng = random(seed ^ 0x9e3779b9);
    const position = doc.positionAt(Math.floor(rng() * (text.length + 1)));
    const started = performance.now();
    let diagnostics: Diagnostic[] = [];
    for (const [feature, run] of Object.entries(FEATURES)) {
      try {
        const result = run(service, doc, position, diagnostics);
        if (feature === 'diagnostics') {
          diagnostics = result as Diagnostic[];
          stats.diagnostics += diagnostics.length;
        }
        for (const range of collectRanges(result)) {
          if (!inside(doc, range)) {
            stats.outOfRange.push({ seed, applied, feature, problem: JSON.stringify(range) });
            break;
          }
        }
      } catch (error) {
        stats.crashes.push({ seed, applied, feature, problem: (error as Error).stack ?? String(error) });
      }
    }
    const elapsed = performance.now() - started;
    try {
      const parsed = service.parse(doc);
      const difference = parsed && parseDifference(parsed, new BlueprintParser().parse(text));
      if (difference) stats.parseDifferences.push({ seed, applied, feature: 'parse', problem: difference });
    } catch (error) {
      stats.crashes.push({ seed, applied, feature: 'parse', problem: (error as Error).stack ?? String(error) });
    }
    stats.totalMs += elapsed;
    stats.worstMsPerKChar = Math.max(stats.worstMsPerKChar, elapsed / Math.max(1, text.length / 1000));
    if (elapsed > timeBoundMs(text.length)) stats.slow.push({ seed, applied, feature: 'all', problem: `${elapsed.toFixed(0)} ms for ${text.length} characters` });
    stats.inputs++;
    options.onProgress?.(stats.inputs);
  }
}
