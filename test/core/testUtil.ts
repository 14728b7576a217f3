import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';

/** A document as the language service sees it. */
export function docOf(text: string, uri = 'file:///test.role.yaml', version = 1): TextDocument {
  return TextDocument.create(uri, 'role-blueprint', version, text);
}

/** The text after applying `edits` (non-overlapping, as LSP requires) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(docOf(text), [...edits]);
}

/** The lines of a text as a sorted multiset, to check that nothing was lost or duplicated. */
export function lineMultiset(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => l.trim() !== '').sort();
}
