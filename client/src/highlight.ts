import { SECTIONS } from '../../server/src/core/sections';

/**
 * Finds what the editor marks beyond plain YAML: the 20 section keys and the values of the
 * schema's enums. Done as semantic tokens over a line scan rather than TextMate injections:
 * VS Code's YAML 1.2 grammar is a state machine, and an injection that takes a key away
 * from it mis-colours the rest of the file. Pure, so it is unit-tested.
 */

export type HighlightKind = 'section' | 'enum';

export interface Highlight {
  readonly line: number;
  readonly start: number;
  readonly length: number;
  readonly kind: HighlightKind;
}

/** The schema's enums by key (test/core/clientLogic.test.ts checks them against the schema). */
export const ENUM_VALUES: Readonly<Record<string, readonly string[]>> = {
  level: ['intern', 'entry', 'associate', 'mid', 'senior', 'staff', 'principal', 'lead', 'manager', 'senior_manager', 'director', 'vp', 'executive'],
  employment_type: ['FULL_TIME', 'PART_TIME', 'CONTRACTOR', 'TEMPORARY', 'INTERN', 'VOLUNTEER', 'PER_DIEM', 'OTHER'],
  unit: ['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR'],
  importance: ['critical', 'important', 'optional'],
  prevalence: ['common', 'optional', 'context_specific'],
};

const SECTION_KEYS = new Set(SECTIONS.map((s) => s.key));
const TOP_LEVEL_KEY = /^([A-Za-z_][\w-]*)[ \t]*:(?=[ \t]|$)/;
/** `key: value` of an enum key, in block style or inside a flow mapping; quotes allowed. */
const ENUM_PAIR = new RegExp(
  `(?<=^|[\\s{,])(${Object.keys(ENUM_VALUES).join('|')}):[ \\t]+(['"]?)([A-Za-z_]+)\\2(?=[ \\t]*(?:[,}]|#|$))`,
  'g',
);
/** A line that opens a block scalar (`key: |`, `- >-`, `key: |2 # note`). */
const BLOCK_SCALAR_START = /(?:^|[ \t]|:)[|>][-+0-9]*[ \t]*(?:#.*)?$/;

function indentOf(line: string): number {
  return /^ */.exec(line)?.[0].length ?? 0;
}

export function scanHighlights(text: string): Highlight[] {
  const highlights: Highlight[] = [];
  const lines = text.split(/\r?\n/);
  /** Indentation of the line that opened the block scalar we are in, if any. */
  let blockOwnerIndent: number | undefined;
  for (let line = 0; line < lines.length; line++) {
    const content = lines[line];
    if (blockOwnerIndent !== undefined) {
      if (content.trim() === '' || indentOf(content) > blockOwnerIndent) continue;
      blockOwnerIndent = undefined;
    }
    if (/^\s*#/.test(content)) continue;
    const key = TOP_LEVEL_KEY.exec(content)?.[1];
    if (key && SECTION_KEYS.has(key)) highlights.push({ line, start: 0, length: key.length, kind: 'section' });
    for (const match of content.matchAll(ENUM_PAIR)) {
      const [whole, enumKey, quote, value] = match;
      if (!ENUM_VALUES[enumKey].includes(value)) continue;
      const start = (match.index ?? 0) + whole.length - quote.length - value.length;
      // A `#` before the pair means it is inside a comment.
      if (content.slice(0, match.index).includes('#')) continue;
      highlights.push({ line, start, length: value.length, kind: 'enum' });
    }
    if (BLOCK_SCALAR_START.test(content)) blockOwnerIndent = indentOf(content);
  }
  return highlights;
}
