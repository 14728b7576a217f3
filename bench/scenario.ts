import type { Position, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { Prng } from './prng';

/**
 * The seeded sequence of edits and request positions the benchmark plays against each server.
 * Every choice is a function of the seed and the current text, so both servers, given the same
 * document, get exactly the same edits and requests.
 */

export type EditKind = 'type-in-kpi-target' | 'rename-tool' | 'add-list-item' | 'remove-list-item' | 'insert-kpi-row';
export type CompletionKind = 'tool-name-value' | 'kpi-row-key' | 'importance-value';
export type HoverKind = 'kpi-key' | 'tool-name' | 'importance-key';

export const COMPLETION_KINDS: readonly CompletionKind[] = ['tool-name-value', 'kpi-row-key', 'importance-value'];
export const HOVER_KINDS: readonly HoverKind[] = ['kpi-key', 'tool-name', 'importance-key'];

export interface Edit {
  readonly kind: EditKind;
  readonly change: TextDocumentContentChangeEvent & { range: { start: Position; end: Position } };
}

const EDIT_WEIGHTS: readonly [EditKind, number][] = [
  ['type-in-kpi-target', 40],
  ['rename-tool', 20],
  ['add-list-item', 15],
  ['remove-list-item', 15],
  ['insert-kpi-row', 10],
];

const TOOL_NAMES = ['Jenkins', 'CircleCI', 'Grafana', 'Snowflake', 'dbt', 'Apache Airflow', 'Kubeflow', 'Ray', 'Weights & Biases', 'Docker', 'Terraform', 'MLflow', 'Prometheus', 'Datadog', 'Argo CD', 'Seldon Core', 'BentoML', 'Feast', 'Great Expectations', 'Evidently AI'];
const TYPED = '0123456789%';
const VERBS = ['Review', 'Automate', 'Document', 'Monitor', 'Improve', 'Own', 'Audit', 'Standardise'];
const OBJECTS = ['release checklist', 'drift alerts', 'feature pipeline', 'model registry workflow', 'on-call runbook', 'cost dashboard', 'training schedule', 'rollback procedure'];

/** Per line: the top-level section it belongs to (undefined before the first one). */
function sectionsOfLines(lines: readonly string[]): (string | undefined)[] {
  let current: string | undefined;
  return lines.map((line) => {
    const top = /^([A-Za-z_][\w-]*):/.exec(line);
    if (top) current = top[1];
    return current;
  });
}

const indentOf = (line: string) => line.length - line.trimStart().length;

/** Lines of `section` matching `pattern`. */
function linesWhere(lines: readonly string[], sections: readonly (string | undefined)[], section: string | readonly string[], pattern: RegExp): number[] {
  const wanted = typeof section === 'string' ? [section] : section;
  const found: number[] = [];
  lines.forEach((line, i) => {
    if (wanted.includes(sections[i] as string) && pattern.test(line)) found.push(i);
  });
  return found;
}

/** One-line scalar bullets (`- text`, not `- key: value`) that do not continue on the next line. */
function oneLineBullets(lines: readonly string[], sections: readonly (string | undefined)[]): number[] {
  return linesWhere(lines, sections, ['responsibilities', 'day_to_day'], /^\s+- (?![\w-]+:(?: |$))\S/).filter((i) => {
    const next = lines[i + 1];
    return next === undefined || next.trim() === '' || indentOf(next) <= indentOf(lines[i]);
  });
}

/** A bullet with a sibling bullet right above or below, so removing it never empties a list. */
function removableBullets(lines: readonly string[], sections: readonly (string | undefined)[]): number[] {
  const bullets = new Set(oneLineBullets(lines, sections));
  return [...bullets].filter((i) => (bullets.has(i - 1) && indentOf(lines[i - 1]) === indentOf(lines[i])) || (bullets.has(i + 1) && indentOf(lines[i + 1]) === indentOf(lines[i])));
}

export class Scenario {
  readonly #prng: Prng;
  #edits = 0;

  constructor(seed: number) {
    this.#prng = new Prng(seed);
  }

  #pickKind(): EditKind {
    const total = EDIT_WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.#prng.next() * total;
    for (const [kind, weight] of EDIT_WEIGHTS) {
      roll -= weight;
      if (roll < 0) return kind;
    }
    return EDIT_WEIGHTS[0][0];
  }

  /** The next edit of the sequence, against `text` (the document as both servers have it). */
  nextEdit(text: string): Edit {
    const lines = text.split('\n');
    const sections = sectionsOfLines(lines);
    this.#edits++;
    for (;;) {
      const kind = this.#pickKind();
      const edit = this.#makeEdit(kind, lines, sections);
      if (edit) return edit;
    }
  }

  #makeEdit(kind: EditKind, lines: string[], sections: (string | undefined)[]): Edit | undefined {
    const prng = this.#prng;
    const at = (line: number, character: number) => ({ line, character });
    switch (kind) {
      case 'type-in-kpi-target': {
        const targets = linesWhere(lines, sections, 'kpis', /^\s+target: \S/);
        if (!targets.length) return undefined;
        const line = prng.pick(targets);
        const text = lines[line];
        // Typing at the end of the value: before a closing quote when there is one.
        const character = /["']$/.test(text) ? text.length - 1 : text.length;
        return { kind, change: { range: { start: at(line, character), end: at(line, character) }, text: prng.pick([...TYPED]) } };
      }
      case 'rename-tool': {
        const names = linesWhere(lines, sections, 'tools', /^\s+(?:- )?name: \S/);
        if (!names.length) return undefined;
        const line = prng.pick(names);
        const start = lines[line].indexOf('name: ') + 'name: '.length;
        return { kind, change: { range: { start: at(line, start), end: at(line, lines[line].length) }, text: prng.pick(TOOL_NAMES) } };
      }
      case 'add-list-item': {
        const bullets = oneLineBullets(lines, sections);
        if (!bullets.length) return undefined;
        const line = prng.pick(bullets);
        const indent = ' '.repeat(indentOf(lines[line]));
        const item = `${prng.pick(VERBS)} the ${prng.pick(OBJECTS)} with the partner teams (item ${this.#edits})`;
        return { kind, change: { range: { start: at(line, lines[line].length), end: at(line, lines[line].length) }, text: `\n${indent}- ${item}` } };
      }
      case 'remove-list-item': {
        const bullets = removableBullets(lines, sections);
        if (!bullets.length) return undefined;
        const line = prng.pick(bullets);
        return { kind, change: { range: { start: at(line, 0), end: at(line + 1, 0) }, text: '' } };
      }
      case 'insert-kpi-row': {
        const rows = linesWhere(lines, sections, 'kpis', /^\s+- name: \S/);
        if (!rows.length) return undefined;
        const line = prng.pick(rows);
        const indent = ' '.repeat(indentOf(lines[line]));
        const hours = 4 + prng.int(44);
        const row = [
          `${indent}- name: Review turnaround for change ${this.#edits}`,
          `${indent}  measures: Hours from a change request to its first review`,
          `${indent}  why: Keeps platform work flowing without long waits`,
          `${indent}  target: "< ${hours} hours for 90% of requests"`,
          `${indent}  frequency: Weekly`,
        ];
        return { kind, change: { range: { start: at(line, 0), end: at(line, 0) }, text: row.join('\n') + '\n' } };
      }
    }
  }

  /** Where a user asks for completion of `kind`: right after `name: ` of a tool row, at a KPI row's key, after `importance: `. */
  completionPosition(text: string, kind: CompletionKind): Position {
    const lines = text.split('\n');
    const sections = sectionsOfLines(lines);
    const after = (prefix: string) => (line: number) => ({ line, character: lines[line].indexOf(prefix) + prefix.length });
    switch (kind) {
      case 'tool-name-value':
        return after('name: ')(this.#prng.pick(linesWhere(lines, sections, 'tools', /^\s+(?:- )?name: /)));
      case 'kpi-row-key': {
        const line = this.#prng.pick(linesWhere(lines, sections, 'kpis', /^\s+(?:measures|why|target|frequency):/));
        return { line, character: indentOf(lines[line]) };
      }
      case 'importance-value':
        return after('importance: ')(this.#prng.pick(linesWhere(lines, sections, 'technical_skills', /^\s+importance: /)));
    }
  }

  /** Inside a KPI row key, a tool name or an `importance` key. */
  hoverPosition(text: string, kind: HoverKind): Position {
    const lines = text.split('\n');
    const sections = sectionsOfLines(lines);
    switch (kind) {
      case 'kpi-key': {
        const line = this.#prng.pick(linesWhere(lines, sections, 'kpis', /^\s+(?:measures|why|target|frequency):/));
        return { line, character: indentOf(lines[line]) + 2 };
      }
      case 'tool-name': {
        const line = this.#prng.pick(linesWhere(lines, sections, 'tools', /^\s+(?:- )?name: \S/));
        return { line, character: lines[line].indexOf('name: ') + 'name: '.length + 1 };
      }
      case 'importance-key': {
        const line = this.#prng.pick(linesWhere(lines, sections, 'technical_skills', /^\s+importance: /));
        return { line, character: indentOf(lines[line]) + 3 };
      }
    }
  }
}
