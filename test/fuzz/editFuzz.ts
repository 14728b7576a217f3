import { BlueprintParser } from '../../server/src/core/parse';
import { random } from './mutate';
import { parseDifference } from './parseDifference';

/**
 * Typing, as a fuzzer: a blueprint is opened and then edited line by line with the fragments that
 * change how YAML reads a line (indents, dashes, colons, comments, block headers, anchors, tags,
 * quotes, brackets, blank lines, tabs, empty values). After every version the parser, which
 * reuses the pieces of the previous version, must give exactly what a whole parse gives.
 */

const FRAGMENTS = ['', ' ', '-', '- ', '  -', '  - ', '    -', ':', ' :', 'key:', '  key:', '    key:', '    key: ', '# c', '  # c', '    # c', ' # c', '|', '|-', '|+', '>', '&a', '*a', '!t', '!!str', '? k', '[', ']', '{', '}', '"', "'", '\t', '\r', 'x', '  x', '    x', '      x', '---', '...', '%', '@', '`', '\u00a0', ',', '  - a: b', '    c: d', '  -\n', '\n', '\n\n'];

export interface EditFuzzDifference {
  readonly run: number;
  readonly version: number;
  readonly difference: string;
}

/** `count` editing sessions of four versions each, on the seeds in turn. */
export function runEditFuzz(options: { count: number; seed?: number; seeds: readonly string[] }): { versions: number; differences: EditFuzzDifference[] } {
  const differences: EditFuzzDifference[] = [];
  let versions = 0;
  const first = options.seed ?? 1;
  for (let run = first; run < first + options.count; run++) {
    const rng = random(run);
    let text = options.seeds[run % options.seeds.length];
    const parser = new BlueprintParser();
    parser.parse(text, 'file:///edit-fuzz.role.yaml', 1);
    for (let version = 2; version <= 4; version++) {
      const lines = text.split('\n');
      const edits = 1 + Math.floor(rng() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(rng() * lines.length);
        const fragment = FRAGMENTS[Math.floor(rng() * FRAGMENTS.length)];
        const kind = rng();
        if (kind < 0.3) lines.splice(at, 0, fragment);
        else if (kind < 0.5) lines[at] = fragment;
        else if (kind < 0.7) {
          const column = Math.floor(rng() * (lines[at].length + 1));
          lines[at] = lines[at].slice(0, column) + fragment + lines[at].slice(column);
        } else if (kind < 0.8) lines.splice(at, 1);
        else if (kind < 0.9) lines[at] = lines[at].replace(/^(\s*(?:- )?[\w ]+:)\s.*$/, '$1'); // empty a value
        else lines[at] = lines[at].replace(/\s+$/, '');
      }
      text = lines.join('\n');
      const difference = parseDifference(parser.parse(text, 'file:///edit-fuzz.role.yaml', version), new BlueprintParser().parse(text));
      versions++;
      if (difference) differences.push({ run, version, difference });
    }
  }
  return { versions, differences };
}
