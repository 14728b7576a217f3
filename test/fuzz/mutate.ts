/**
 * Seeded mutations of real blueprints for the fuzz harness: every kind of damage an editor
 * buffer can hold — truncation, shuffled lines, flipped characters, control characters,
 * BOM/CRLF, broken UTF-8, YAML anchors/aliases/merge keys, deep flow nesting, very long
 * lines, `!!` tags and extra documents.
 */

import { Prng } from '../../bench/prng';

/** The bench's seeded PRNG (mulberry32) as a function: the same sequence for the same seed on every machine. */
export function random(seed: number): () => number {
  const prng = new Prng(seed);
  return () => prng.next();
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
const at = (rng: Rng, text: string) => Math.floor(rng() * (text.length + 1));
const lineSplit = (text: string) => text.split('\n');

function insertAt(text: string, offset: number, piece: string): string {
  return text.slice(0, offset) + piece + text.slice(offset);
}

export const MUTATIONS: Record<string, (text: string, rng: Rng) => string> = {
  truncate: (t, r) => t.slice(0, at(r, t)),
  deleteLine: (t, r) => {
    const lines = lineSplit(t);
    lines.splice(Math.floor(r() * lines.length), 1);
    return lines.join('\n');
  },
  duplicateLine: (t, r) => {
    const lines = lineSplit(t);
    const i = Math.floor(r() * lines.length);
    lines.splice(i, 0, lines[i]);
    return lines.join('\n');
  },
  swapLines: (t, r) => {
    const lines = lineSplit(t);
    const i = Math.floor(r() * lines.length);
    const j = Math.floor(r() * lines.length);
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return lines.join('\n');
  },
  flipChar: (t, r) => {
    const i = Math.floor(r() * t.length);
    return t.slice(0, i) + String.fromCharCode(t.charCodeAt(i) ^ (1 << Math.floor(r() * 7))) + t.slice(i + 1);
  },
  insertTab: (t, r) => insertAt(t, at(r, t), '\t'),
  insertNul: (t, r) => insertAt(t, at(r, t), '\u0000'),
  insertControl: (t, r) => insertAt(t, at(r, t), String.fromCharCode(Math.floor(r() * 32))),
  bom: (t) => '\ufeff' + t,
  crlf: (t) => t.replace(/\n/g, '\r\n'),
  lonelyCr: (t, r) => insertAt(t, at(r, t), '\r'),
  brokenUtf8: (t, r) => insertAt(t, at(r, t), pick(r, ['\ufffd', '\ud800', '\udfff', 'Ã©', '\u0085', '\u2028'])),
  anchorAlias: (t, r) => {
    const lines = lineSplit(t);
    const i = Math.floor(r() * lines.length);
    lines[i] = lines[i].replace(/:\s*$/, ': &anchor').replace(/^(\s*- )/, '$1&item ');
    lines.splice(Math.floor(r() * lines.length), 0, pick(r, ['copy: *anchor', '  - *item', '<<: *anchor', '  <<: *anchor', 'x: *missing']));
    return lines.join('\n');
  },
  mergeKey: (t) => 'base: &base {a: 1, b: 2}\nmerged:\n  <<: *base\n  c: 3\n' + t,
  aliasBomb: (t) => {
    const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    return t + '\n' + lines.join('\n') + '\n';
  },
  deepFlow: (t, r) => insertAt(t, at(r, t), '[' .repeat(200 + Math.floor(r() * 2000)) + ']'.repeat(Math.floor(r() * 2))),
  deepBlock: (t) => t + '\n' + Array.from({ length: 300 }, (_, i) => ' '.repeat(i) + 'k:').join('\n') + '\n',
  longLine: (t, r) => insertAt(t, at(r, t), 'x'.repeat(50_000 + Math.floor(r() * 100_000))),
  tag: (t, r) => {
    const lines = lineSplit(t);
    const i = Math.floor(r() * lines.length);
    lines[i] = lines[i].replace(/: (\S)/, `: ${pick(r, ['!!binary', '!!set', '!!omap', '!!timestamp', '!!js/function', '!!python/object:os.system', '!custom', '!!str', '!!int', '!!float'])} $1`);
    return lines.join('\n');
  },
  multiDocument: (t, r) => insertAt(t, at(r, t), pick(r, ['\n---\n', '\n...\n', '\n--- !!map\n', '\n%YAML 1.2\n---\n'])),
  indentShift: (t, r) => {
    const lines = lineSplit(t);
    const i = Math.floor(r() * lines.length);
    lines[i] = (r() < 0.5 ? ' ' : '') + lines[i].replace(/^ /, r() < 0.5 ? '' : ' ');
    return lines.join('\n');
  },
  htmlInjection: (t, r) => {
    const lines = lineSplit(t);
    const i = Math.floor(r() * lines.length);
    lines[i] = lines[i].replace(/: (.+)$/, ': "<script>alert(1)</script><img src=x onerror=alert(2)> javascript:alert(3)"');
    return lines.join('\n');
  },
  randomBytes: (t, r) => insertAt(t, at(r, t), Array.from({ length: 1 + Math.floor(r() * 64) }, () => String.fromCharCode(Math.floor(r() * 0xffff))).join('')),
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** One to three mutations of `text`, chosen by the seed; returns the text and what was done. */
export function mutate(text: string, seed: number): { text: string; applied: string[] } {
  const rng = random(seed);
  const count = 1 + Math.floor(rng() * 3);
  const applied: string[] = [];
  let out = text;
  for (let i = 0; i < count; i++) {
    const name = pick(rng, MUTATION_NAMES);
    out = MUTATIONS[name](out, rng);
    applied.push(name);
  }
  return { text: out, applied };
}
