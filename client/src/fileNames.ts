/** File names the commands propose. Pure, so the naming rules are unit-tested. */

import { ROLE_FILE_NAME } from '../../server/src/core/types';

/** `*.role.yaml` / `*.role.yml`, any case. */
export function isBlueprintFileName(name: string): boolean {
  return ROLE_FILE_NAME.test(name);
}

/** `eng.wp.json` → `eng.role.yaml`, `Page.HTML` → `Page.role.yaml`. */
export function importTargetName(sourceName: string): string {
  const base = sourceName.replace(/\.(html?|json)$/i, '').replace(/\.wp$/i, '') || 'imported';
  return `${base}.role.yaml`;
}

/** `eng.role.yaml` → `eng.html` / `eng.md` / `eng.posting.html`; other names just swap their last extension. */
export function exportFileName(blueprintName: string, extension: 'html' | 'md' | 'posting.html' | 'jsonld'): string {
  const base = blueprintName.replace(ROLE_FILE_NAME, '').replace(/\.ya?ml$/i, '') || 'blueprint';
  return `${base}.${extension}`;
}

/** Candidate names for a new blueprint: `new-role.role.yaml`, `new-role-2.role.yaml`, … */
export function newBlueprintName(attempt: number): string {
  return attempt <= 1 ? 'new-role.role.yaml' : `new-role-${attempt}.role.yaml`;
}

/** The body of the skeleton snippet in a `.code-snippets` JSON file (the one with prefix `blueprint`). */
export function skeletonSnippetBody(snippets: unknown): string | undefined {
  if (typeof snippets !== 'object' || snippets === null) return undefined;
  for (const snippet of Object.values(snippets)) {
    if (typeof snippet !== 'object' || snippet === null) continue;
    const { prefix, body } = snippet as { prefix?: unknown; body?: unknown };
    const prefixes = Array.isArray(prefix) ? prefix : [prefix];
    if (!prefixes.includes('blueprint')) continue;
    if (typeof body === 'string') return body;
    if (Array.isArray(body) && body.every((line) => typeof line === 'string')) return body.join('\n');
  }
  return undefined;
}

/** A YAML scalar for a title: plain when that reads back as the same string, else double-quoted. */
function yamlTitle(title: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9 .,()/&+_-]*$/.test(title) && !/[ ]$/.test(title) ? title : JSON.stringify(title);
}

/**
 * The skeleton snippet as plain text for a file written to disk, with `role.title` set: each
 * tab stop becomes its placeholder text (a choice its first option), the title stop the title.
 */
export function skeletonText(snippetBody: string, title: string): string {
  const TITLE = '\u0000title\u0000';
  return snippetBody
    .replace(/\$\{\d+:Role title\}/, TITLE)
    .replace(/\$\{\d+\|([^|]*)\|\}/g, (_m, choices: string) => choices.split(',')[0])
    .replace(/\$\{\d+:([^}]*)\}/g, (_m, text: string) => text)
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1')
    .replace(TITLE, () => yamlTitle(title));
}
