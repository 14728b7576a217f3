import type { Diagnostic } from 'vscode-languageserver-types';
import { byStart, makeDiagnostic, SEVERITY, type SeverityName } from './diagnosticUtil';
import { duplicateDiagnostics } from './duplicates';
import type { LintRule } from './lint/rule';
import type { ParsedBlueprint } from './parse';
import { schemaDiagnostics, type SchemaValidator } from './schemaValidation';
import { applySuppressions } from './suppression';
import type { ITextDocument, RuleLevel, Settings } from './types';

/**
 * All diagnostics of one document: YAML syntax, schema, duplicate names, then the content
 * rules; each then gets the severity the author configured for its code, and disable
 * comments in the file drop what they cover.
 */


export interface DiagnosticsInput {
  readonly doc: ITextDocument;
  /** Undefined when the text is over the size limit and was not parsed. */
  readonly parsed: ParsedBlueprint | undefined;
  readonly validator: SchemaValidator;
  readonly settings: Settings;
  readonly rules: readonly LintRule[];
}

export function computeDiagnostics({ doc, parsed, validator, settings, rules }: DiagnosticsInput): Diagnostic[] {
  if (!settings.validate) return [];
  if (!parsed) {
    const size = doc.getText().length;
    return applySuppressions(applyLevels([makeDiagnostic(doc, [0, 0], 'file.too-large', `This file has ${size.toLocaleString('en')} characters, more than the ${settings.maxFileSize.toLocaleString('en')} that roleBlueprint.maxFileSize allows, so it is not checked.`, 'warning')], settings), doc.getText());
  }
  const diagnostics: Diagnostic[] = parsed.problems.map((p) => makeDiagnostic(doc, [p.start, p.end], p.code, p.message, p.severity));
  // Schema and content checks read the parsed value; a syntax error leaves none to read.
  if (parsed.value !== undefined && !parsed.problems.some((p) => p.severity === 'error')) {
    diagnostics.push(...schemaDiagnostics(parsed, doc, validator), ...duplicateDiagnostics(parsed, doc));
    for (const rule of rules) {
      if (rule.codes.every((code) => settings.rules[code] === 'off')) continue;
      rule.check({
        parsed,
        doc,
        settings,
        report: ({ span, message, code = rule.codes[0], data, related }) => {
          const diagnostic = makeDiagnostic(doc, span, code, message, rule.defaultSeverity, data);
          if (related) diagnostic.relatedInformation = related;
          diagnostics.push(diagnostic);
        },
      });
    }
  }
  return applySuppressions(applyLevels(diagnostics, settings), parsed.text, parsed).sort(byStart);
}

const LEVEL_TO_SEVERITY: Record<Exclude<RuleLevel, 'off'>, SeverityName> = { error: 'error', warning: 'warning', info: 'info', hint: 'hint' };

/** Applies `roleBlueprint.rules`: a code (or a prefix such as `schema`) set to off drops it. */
export function applyLevels(diagnostics: Diagnostic[], settings: Settings): Diagnostic[] {
  if (Object.keys(settings.rules).length === 0) return diagnostics;
  const out: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const code = String(diagnostic.code ?? '');
    const level = settings.rules[code] ?? settings.rules[code.split('.')[0]];
    if (level === 'off') continue;
    if (level) diagnostic.severity = SEVERITY[LEVEL_TO_SEVERITY[level]];
    out.push(diagnostic);
  }
  return out;
}
