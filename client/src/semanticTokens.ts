import * as vscode from 'vscode';
import { LANGUAGE_ID } from './constants';
import { scanHighlights, type HighlightKind } from './highlight';

/** Token types contributed in package.json (`semanticTokenTypes`, mapped to TextMate scopes). */
const TOKEN_TYPES: Record<HighlightKind, string> = { section: 'roleBlueprintSection', enum: 'roleBlueprintEnum' };
const LEGEND = new vscode.SemanticTokensLegend(Object.values(TOKEN_TYPES));
const TYPE_INDEX = Object.fromEntries(Object.entries(TOKEN_TYPES).map(([kind, type]) => [kind, LEGEND.tokenTypes.indexOf(type)])) as Record<HighlightKind, number>;

/** Marks section keys and enum values on top of the YAML grammar's colours. */
export function registerSemanticTokens(): vscode.Disposable {
  return vscode.languages.registerDocumentSemanticTokensProvider(
    { language: LANGUAGE_ID },
    {
      provideDocumentSemanticTokens(document) {
        const builder = new vscode.SemanticTokensBuilder(LEGEND);
        for (const h of scanHighlights(document.getText())) builder.push(h.line, h.start, h.length, TYPE_INDEX[h.kind]);
        return builder.build();
      },
    },
    LEGEND,
  );
}
