import levelData from './data/levels.json';
import type { Span } from '../diagnosticUtil';
import type { ParsedBlueprint } from '../parse';
import { asRecord, root, spanOf } from './fields';

/** What the realism rules know about a role level. */
export interface LevelInfo {
  readonly min: number;
  readonly max: number;
  /** Leads a team or manages people: leadership responsibilities are expected. */
  readonly leads?: boolean;
  /** Early career: budget authority is unexpected. */
  readonly early?: boolean;
}

const LEVELS = levelData.levels as Record<string, LevelInfo>;
const TITLE_WORDS = levelData.titleWords as [string, string][];

export interface RoleLevel {
  readonly key: string;
  readonly info: LevelInfo;
  /** Where the level comes from (role.level, else the title), for diagnostics and related info. */
  readonly span: Span | undefined;
  readonly from: 'level' | 'title';
}

/** The role's level: `role.level`, or a level word in the title ("Associate …", "… Lead"). */
export function roleLevel(parsed: ParsedBlueprint): RoleLevel | undefined {
  const role = asRecord(root(parsed).role);
  if (!role) return undefined;
  if (typeof role.level === 'string') {
    const key = role.level.trim().toLowerCase().replace(/[\s-]+/g, '_');
    const info = LEVELS[key];
    // An unknown level is the schema's to report.
    return info ? { key, info, span: spanOf(parsed, ['role', 'level']), from: 'level' } : undefined;
  }
  if (typeof role.title !== 'string') return undefined;
  const title = ` ${role.title.toLowerCase().replace(/[^\p{L}\p{N}.-]+/gu, ' ')} `;
  const hit = TITLE_WORDS.find(([word]) => title.includes(` ${word} `));
  if (!hit) return undefined;
  return { key: hit[1], info: LEVELS[hit[1]], span: spanOf(parsed, ['role', 'title']), from: 'title' };
}

/** A level as messages name it, with its article: "an intern role", "a senior manager role", "A VP role". */
export function levelRole(key: string, atSentenceStart = false): string {
  const name = key === 'vp' ? 'VP' : key.replace(/_/g, ' ');
  const article = /^[aeiou]/i.test(name) ? 'an' : 'a';
  return `${atSentenceStart ? article.replace('a', 'A') : article} ${name} role`;
}
