import type { Position, Range } from 'vscode-languageserver-types';

/** The name of a role blueprint file: `*.role.yaml` or `*.role.yml`, in any case. */
export const ROLE_FILE_NAME = /\.role\.ya?ml$/i;

/**
 * The text document the core reads. Both `vscode-languageserver-textdocument`'s TextDocument
 * and VS Code's TextDocument satisfy it, so hosts pass what they have.
 */
export interface ITextDocument {
  readonly uri: string;
  readonly version: number;
  readonly lineCount: number;
  getText(range?: Range): string;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

/** A severity as authors configure it per rule. */
export type RuleLevel = 'off' | 'hint' | 'info' | 'warning' | 'error';

/** Everything an author can set, already merged onto the defaults by `resolveSettings`. */
export interface Settings {
  /** Master switch for diagnostics. */
  readonly validate: boolean;
  /** Per-code severity overrides, e.g. `{ "kpi.target-not-measurable": "error" }`. */
  readonly rules: Readonly<Record<string, RuleLevel>>;
  /** Files larger than this (in characters) get one diagnostic and are not parsed. */
  readonly maxFileSize: number;
  /** How many must-have skills are realistic before the realism rule warns. */
  readonly maxMustHaveSkills: number;
}

export const defaultSettings: Settings = {
  validate: true,
  rules: {},
  maxFileSize: 5 * 1024 * 1024,
  maxMustHaveSkills: 10,
};

export function resolveSettings(overrides?: Partial<Settings>): Settings {
  return { ...defaultSettings, ...overrides, rules: { ...defaultSettings.rules, ...overrides?.rules } };
}

/** A path into the blueprint value, as ajv and the YAML tree both understand it. */
export type JsonPath = readonly (string | number)[];

/** Cooperative cancellation, structurally compatible with LSP's CancellationToken. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export const neverCancelled: CancellationToken = { isCancellationRequested: false };
