import type { Diagnostic } from 'vscode-languageserver-types';
import { indexOfSpanAt } from './diagnosticUtil';
import { textFields } from './lint/fields';
import type { ParsedBlueprint } from './parse';

/**
 * Disable comments, so an author can keep a deliberate exception without turning a rule off
 * for every file:
 *
 *   # role-blueprint-disable wording.jargon, kpi     (in the comment block at the top: whole file)
 *   # role-blueprint-disable-next-line completeness.placeholder   (the line below only)
 *
 * Without codes the comment disables every code. A code also matches its family: `kpi`
 * disables `kpi.target-not-measurable` and `kpi.frequency-unknown`, like `roleBlueprint.rules`.
 */

export interface Suppressions {
  /** Codes disabled for the whole file; empty array: every code. */
  readonly file: readonly (readonly string[])[];
  /** 0-based line → the codes disabled on it (empty array: every code). */
  readonly lines: ReadonlyMap<number, readonly (readonly string[])[]>;
}

const MARKER = 'role-blueprint-disable';
const COMMENT = /^[ \t]*#[ \t]*role-blueprint-disable(-next-line)?(?=[ \t]|$)([^\n]*)$/;

function parseCodes(rest: string): string[] {
  // Text after `--` is a reason, as in eslint: `# role-blueprint-disable-next-line wording.jargon -- quoting the ad`.
  const codes = rest.split(/[ \t]--[ \t]/)[0];
  return codes
    .split(/[\s,]+/)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** `inScalar(offset)`: true when the offset is inside a string value (a `#` line in a block scalar is text, not a comment). */
export function parseSuppressions(text: string, inScalar: (offset: number) => boolean = () => false): Suppressions {
  const file: string[][] = [];
  const lines = new Map<number, string[][]>();
  if (!text.includes(MARKER)) return { file, lines };
  let inLeadingBlock = true;
  let lineNumber = 0;
  let offset = 0;
  while (offset <= text.length) {
    let end = text.indexOf('\n', offset);
    if (end === -1) end = text.length;
    const line = text.slice(offset, end).replace(/\r$/, '');
    const trimmed = line.trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) inLeadingBlock = false;
    if (trimmed.startsWith('#') && trimmed.includes(MARKER)) {
      const match = COMMENT.exec(line);
      if (match && !inScalar(offset)) {
        const codes = parseCodes(match[2]);
        if (match[1]) {
          const list = lines.get(lineNumber + 1) ?? [];
          list.push(codes);
          lines.set(lineNumber + 1, list);
        } else if (inLeadingBlock) {
          file.push(codes);
        }
      }
    }
    if (end === text.length) break;
    offset = end + 1;
    lineNumber++;
  }
  return { file, lines };
}

function covers(codes: readonly string[], code: string): boolean {
  return codes.length === 0 || codes.some((c) => c === code || code.startsWith(c + '.'));
}

/** True when `offset` lies inside one of the document's string scalars (binary search; fields are in file order). */
function scalarTest(parsed: ParsedBlueprint): (offset: number) => boolean {
  let fields: ReturnType<typeof textFields> | undefined;
  return (offset) => {
    // Only a file with disable comments asks; most never do.
    fields ??= textFields(parsed);
    return indexOfSpanAt(fields, offset, (field) => field.span) !== -1;
  };
}

/** Drops the diagnostics a disable comment covers (keyed on the code and the start line). */
export function applySuppressions(diagnostics: Diagnostic[], text: string, parsed?: ParsedBlueprint): Diagnostic[] {
  const { file, lines } = parseSuppressions(text, parsed ? scalarTest(parsed) : undefined);
  if (file.length === 0 && lines.size === 0) return diagnostics;
  return diagnostics.filter((d) => {
    const code = String(d.code ?? '');
    if (file.some((codes) => covers(codes, code))) return false;
    const onLine = lines.get(d.range.start.line);
    return !onLine?.some((codes) => covers(codes, code));
  });
}
