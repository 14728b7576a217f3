import knownTools from '../data/known-tools.json';
import { normaliseName } from '../../strings';
import { appendToBlockList, matchSpans, quickFix, root, rowEntries, textFields, yamlScalar } from '../fields';
import type { LintRule } from '../rule';

interface KnownTool {
  readonly name: string;
  readonly aliases: readonly string[];
}

const TOOLS = knownTools.tools as KnownTool[];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// One pass over each tech-stack line finds every known tool; group i is tool i. Case matters:
// tool names are proper nouns, and "at the helm" or "in flux" are not tools.
const MENTION = new RegExp(`\\b(?:${TOOLS.map((t) => `(${escapeRegExp(t.name).replace(/ /g, '\\s+')})`).join('|')})\\b`, 'g');

/** True when `text` holds `name` as whole words (normalised, any case). */
function mentions(text: string, name: string): boolean {
  const n = normaliseName(name);
  return n.length > 0 && ` ${text} `.includes(` ${n} `);
}

export const techStackUnknownTool: LintRule = {
  codes: ['tech-stack.unknown-tool'],
  defaultSeverity: 'info',
  description: 'A tool named in tech_stack has no row in tools.',
  check({ parsed, doc, report }) {
    if (!Array.isArray(root(parsed).tools)) return;
    const rows = rowEntries(parsed, 'tools');
    const listed = rows.map((r) => normaliseName(`${r.name} ${typeof r.record?.category === 'string' ? r.record.category : ''}`));
    const isListed = (tool: KnownTool) => listed.some((text) => [tool.name, ...tool.aliases].some((n) => mentions(text, n)));
    const reported = new Set<string>();
    for (const field of textFields(parsed)) {
      if (field.path[0] !== 'tech_stack') continue;
      for (const m of matchSpans(parsed, field, MENTION)) {
        const tool = TOOLS[m.groups.findIndex((g) => g !== undefined)];
        if (!tool || reported.has(tool.name) || isListed(tool)) continue;
        reported.add(tool.name);
        const append = appendToBlockList(parsed, ['tools'], [`name: ${yamlScalar(tool.name)}`]);
        const fixes = append ? [quickFix(doc, `Add a "${tool.name}" row to tools`, [append])] : [];
        report({ span: m.span, message: `The tech stack names ${tool.name}, but no row in tools lists it.`, data: { fixes, tool: tool.name } });
      }
    }
  },
};
