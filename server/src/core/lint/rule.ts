import type { Diagnostic } from 'vscode-languageserver-types';
import type { SeverityName, Span } from '../diagnosticUtil';
import type { ParsedBlueprint } from '../parse';
import type { ITextDocument, Settings } from '../types';

/** What a content rule sees. */
export interface LintContext {
  readonly parsed: ParsedBlueprint;
  readonly doc: ITextDocument;
  readonly settings: Settings;
  /** Reports a finding; `code` defaults to the rule's first code. */
  report(finding: { span: Span; message: string; code?: string; data?: unknown; related?: Diagnostic['relatedInformation'] }): void;
}

/** A content rule: one file in lint/, stable codes, a default severity, docs in docs/rules/CODE.md. */
export interface LintRule {
  /** Codes this rule reports (the first is its main code). */
  readonly codes: readonly string[];
  readonly defaultSeverity: SeverityName;
  /** One line for the docs index and settings descriptions. */
  readonly description: string;
  check(context: LintContext): void;
}
