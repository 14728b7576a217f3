import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BUILT_IN_SCHEMA } from '../server/src/core';
import { duplicateDiagnostics } from '../server/src/core/duplicates';
import { LINT_RULES } from '../server/src/core/lint';
import { BlueprintParser } from '../server/src/core/parse';
import { schemaDiagnostics, SchemaValidator } from '../server/src/core/schemaValidation';
import { resolveSettings } from '../server/src/core/types';
import { generateLargeBlueprint } from './generate';
import { percentile } from './report';
import { Scenario } from './scenario';

/**
 * Where the time of one diagnostics run goes, stage by stage (parse, schema, duplicate names,
 * each content rule), over the benchmark's seeded edits, in process: the evidence behind a
 * missed edit → diagnostics target. Usage: tsx bench/breakdown.ts [seed|large] [EDITS]
 */

const [which = 'seed', editsArg = '30'] = process.argv.slice(2);
const seedText = readFileSync(path.resolve(__dirname, '..', 'examples', 'lead-mlops-engineer.role.yaml'), 'utf8');
const text = which === 'large' ? generateLargeBlueprint(seedText, 10_000) : seedText;
const settings = resolveSettings({});
const validator = new SchemaValidator(BUILT_IN_SCHEMA);
const parser = new BlueprintParser();
const scenario = new Scenario(20240611);
const stages = new Map<string, number[]>();
const time = <T>(stage: string, run: () => T): T => {
  const started = performance.now();
  const result = run();
  const samples = stages.get(stage) ?? [];
  samples.push(performance.now() - started);
  stages.set(stage, samples);
  return result;
};

let doc = TextDocument.create('file:///bench/breakdown.role.yaml', 'role-blueprint', 1, text);
const edits = Number(editsArg);
for (let i = 0; i <= edits; i++) {
  // Run 0 is the cold first check after open; the others follow one seeded edit each.
  if (i > 0) doc = TextDocument.update(doc, [scenario.nextEdit(doc.getText()).change], doc.version + 1);
  const parsed = time('parse', () => parser.parse(doc.getText(), doc.uri, doc.version));
  if (!parsed) continue;
  time('schema', () => schemaDiagnostics(parsed, doc, validator));
  time('duplicate names', () => duplicateDiagnostics(parsed, doc));
  for (const rule of LINT_RULES) time(`lint ${rule.codes.join(',')}`, () => rule.check({ parsed, doc, settings, report: () => undefined }));
}

const rows = [...stages].map(([stage, samples]) => ({ stage, cold: samples[0], p50: percentile(samples.slice(1), 50), max: Math.max(...samples.slice(1)) }));
rows.sort((a, b) => b.p50 - a.p50);
const total = rows.reduce((sum, r) => sum + r.p50, 0);
process.stdout.write(`${which}: ${text.split('\n').length} lines, ${edits} edits; ms per diagnostics run\n`);
process.stdout.write(`${'stage'.padEnd(48)}${'cold'.padStart(10)}${'p50'.padStart(10)}${'max'.padStart(10)}\n`);
for (const r of rows) if (r.p50 >= 0.05 || r.cold >= 1) process.stdout.write(`${r.stage.padEnd(48)}${r.cold.toFixed(1).padStart(10)}${r.p50.toFixed(2).padStart(10)}${r.max.toFixed(1).padStart(10)}\n`);
process.stdout.write(`${'sum of p50'.padEnd(48)}${''.padStart(10)}${total.toFixed(2).padStart(10)}\n`);
