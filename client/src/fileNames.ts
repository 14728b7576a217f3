/** File names the commands propose. Pure, so the naming rules are unit-tested. */

const BLUEPRINT_SUFFIX = /\.role\.ya?ml$/i;

/** `eng.wp.json` → `eng.role.yaml`, `Page.HTML` → `Page.role.yaml`. */
export function importTargetName(sourceName: string): string {
  const base = sourceName.replace(/\.(html?|json)$/i, '').replace(/\.wp$/i, '') || 'imported';
  return `${base}.role.yaml`;
}

/** `eng.role.yaml` → `eng.html` / `eng.md`; other names just swap their last extension. */
export function exportFileName(blueprintName: string, extension: 'html' | 'md'): string {
  const base = blueprintName.replace(BLUEPRINT_SUFFIX, '').replace(/\.ya?ml$/i, '') || 'blueprint';
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
