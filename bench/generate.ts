import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, visit, type Document } from 'yaml';
import { Prng } from './prng';

/**
 * Benchmark documents made from the imported seeds: one large blueprint (rows of the seed
 * repeated with a product-area prefix, so names stay unique and the file stays schema-valid) and
 * many small-to-medium role files (seeds with sections dropped and lists cut short).
 */

/** Product areas that prefix repeated rows, so every repeated name is still unique. */
const AREAS = ['Payments', 'Search', 'Checkout', 'Identity', 'Messaging', 'Billing', 'Catalog', 'Recommendations', 'Fraud', 'Support', 'Analytics', 'Mobile', 'Marketplace', 'Logistics', 'Ads', 'Growth', 'Pricing', 'Onboarding', 'Notifications', 'Reporting'];

/** The lists that grow in the large document: the row-heavy parts of a real blueprint. */
const GROWN_LISTS: readonly (readonly string[])[] = [
  ['kpis'],
  ['tools'],
  ['soft_skills'],
  ['technical_skills', 'must_have'],
  ['technical_skills', 'good_to_have'],
  ['technical_skills', 'advanced'],
  ['responsibilities', 'strategic'],
  ['responsibilities', 'operational'],
  ['responsibilities', 'technical'],
  ['responsibilities', 'cross_functional'],
  ['responsibilities', 'governance'],
  ['day_to_day', 'daily'],
  ['day_to_day', 'weekly'],
  ['day_to_day', 'periodic'],
  ['stakeholders', 'internal'],
  ['hiring', 'assess'],
  ['risks', 'challenges'],
  ['risks', 'bottlenecks'],
];

function areaName(round: number): string {
  const area = AREAS[(round - 1) % AREAS.length];
  const lap = Math.floor((round - 1) / AREAS.length);
  return lap === 0 ? area : `${area} ${lap + 1}`;
}

/** Prefixes a row's name (or a one-line item's text) with the area, on a copy of the node. */
function variedRow(node: unknown, area: string): unknown {
  const copy = (node as { clone(): unknown }).clone();
  if (isScalar(copy) && typeof copy.value === 'string') {
    copy.value = `${area}: ${copy.value}`;
  } else if (isMap(copy)) {
    const name = copy.get('name', true);
    if (isScalar(name) && typeof name.value === 'string') name.value = `${area}: ${name.value}`;
  }
  return copy;
}

function growLists(seedText: string, rounds: number): string {
  const doc = parseDocument(seedText);
  for (const listPath of GROWN_LISTS) {
    const list = doc.getIn(listPath, true);
    if (!isSeq(list)) continue;
    const originals = [...list.items];
    for (let round = 1; round <= rounds; round++) for (const item of originals) list.items.push(variedRow(item, areaName(round)) as never);
  }
  return serialise(doc);
}

function serialise(doc: Document): string {
  return doc.toString({ lineWidth: 0 });
}

const lineCount = (text: string) => text.split('\n').length;

/** A blueprint of at least `targetLines` lines made by repeating the seed's rows with area prefixes. */
export function generateLargeBlueprint(seedText: string, targetLines: number): string {
  const base = lineCount(growLists(seedText, 0));
  const perRound = lineCount(growLists(seedText, 1)) - base;
  let rounds = Math.max(0, Math.ceil((targetLines - base) / perRound));
  let text = growLists(seedText, rounds);
  while (lineCount(text) < targetLines) text = growLists(seedText, ++rounds);
  return text;
}

/**
 * A smaller variant of a seed: some sections dropped (never `blueprint` and `role`), every list
 * cut to a random share of its items, the title numbered so files differ.
 */
export function generateRoleFileVariant(seedText: string, index: number, prng: Prng): string {
  const doc = parseDocument(seedText);
  const role = doc.get('role', true);
  if (isMap(role)) role.set('title', `${String(role.get('title') ?? 'Role')} ${index}`);
  const contents = doc.contents;
  if (isMap(contents)) {
    contents.items = contents.items.filter((pair) => {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      return key === 'blueprint' || key === 'role' || prng.next() > 0.3;
    });
  }
  const share = 0.15 + 0.85 * prng.next();
  visit(doc, {
    Seq(_, seq) {
      seq.items.splice(Math.max(1, Math.ceil(seq.items.length * share)));
    },
  });
  return serialise(doc);
}

/** Writes `count` variants of the seeds into `dir` as NNNN.role.yaml; returns their total line count. */
export function writeRoleFiles(seedTexts: readonly string[], dir: string, count: number, seed: number): number {
  const prng = new Prng(seed);
  mkdirSync(dir, { recursive: true });
  let lines = 0;
  for (let i = 0; i < count; i++) {
    const text = generateRoleFileVariant(seedTexts[i % seedTexts.length], i + 1, prng);
    lines += lineCount(text);
    writeFileSync(path.join(dir, `${String(i + 1).padStart(4, '0')}.role.yaml`), text);
  }
  return lines;
}

// Manual use: tsx bench/generate.ts large SEED.role.yaml [LINES] > out.role.yaml
//             tsx bench/generate.ts files DIR [COUNT] SEED.role.yaml...
if (require.main === module) {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'large' && args[0]) {
    process.stdout.write(generateLargeBlueprint(readFileSync(args[0], 'utf8'), Number(args[1] ?? 10_000)));
  } else if (command === 'files' && args[0] && args.length >= 3) {
    const seeds = args.slice(2).map((file) => readFileSync(file, 'utf8'));
    const lines = writeRoleFiles(seeds, args[0], Number(args[1]), 1);
    process.stdout.write(`${args[1]} files, ${lines} lines in ${args[0]}\n`);
  } else {
    process.stderr.write('usage: tsx bench/generate.ts large SEED [LINES] | files DIR COUNT SEED...\n');
    process.exitCode = 2;
  }
}
