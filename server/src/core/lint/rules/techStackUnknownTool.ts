import knownTools from '../data/known-tools.json';
import { normaliseName } from '../../strings';
import type { Span } from '../../diagnosticUtil';
import type { ParsedBlueprint } from '../../parse';
import { appendToBlockList, matchSpans, quickFix, root, rowEntries, scanSections, yamlScalar, type TextField } from '../fields';
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

/** Known tools named in the tech_stack section, in order. */
function scanMentions(parsed: ParsedBlueprint, fields: readonly TextField[], key: string): { tool: KnownTool; span: Span }[] {
  if (key !== 'tech_stack') return [];
  const out: { tool: KnownTool; span: Span }[] = [];
  for (const field of fields) {
    for (const m of matchSpans(parsed, field, MENTION)) {
      const tool = TOOLS[m.groups.findIndex((g) => g !== undefined)];
      if (tool) out.push({ tool, span: m.span });
    }
  }
  return out;
}

// Per tools list value (kept while the section is unchanged): whether it lists each known tool.
const listedCache = new WeakMap<object, { readonly texts: readonly string[]; readonly verdicts: Map<KnownTool, boolean> }>();

function isListed(parsed: ParsedBlueprint, tools: object, tool: KnownTool): boolean {
  let listed = listedCache.get(tools);
  if (!listed) {
    const texts = rowEntries(parsed, 'tools').map((r) => normaliseName(`${r.name} ${typeof r.record?.category === 'string' ? r.record.category : ''}`));
    listedCache.set(tools, (listed = { texts, verdicts: new Map() }));
  }
  let verdict = listed.verdicts.get(tool);
  if (verdict === undefined) {
    verdict = listed.texts.some((text) => [tool.name, ...tool.aliases].some((n) => mentions(text, n)));
    listed.verdicts.set(tool, verdict);
  }
  return verdict;
}

export const techStackUnknownTool: LintRule = {
  codes: ['tech-stack.unknown-tool'],
  defaultSeverity: 'info',
  description: 'A tool named in tech_stack has no row in tools.',
  check({ parsed, doc, report }) {
    const tools = root(parsed).tools;
    if (!Array.isArray(tools)) return;
    const reported = new Set<string>();
    for (const { tool, span } of scanSections(parsed, scanMentions)) {
      if (reported.has(tool.name) || isListed(parsed, tools, tool)) continue;
      reported.add(tool.name);
      const append = appendToBlockList(parsed, ['tools'], [`name: ${yamlScalar(tool.name)}`]);
      const fixes = append ? [quickFix(doc, `Add a "${tool.name}" row to tools`, [append])] : [];
      report({ span, message: `The tech stack names ${tool.name}, but no row in tools lists it.`, data: { fixes, tool: tool.name } });
    }
  },
};
