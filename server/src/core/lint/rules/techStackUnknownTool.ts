import knownTools from '../data/known-tools.json';
import { escapeRegExp, normaliseName } from '../../strings';
import type { Span } from '../../diagnosticUtil';
import type { ParsedBlueprint, Section } from '../../parse';
import { appendToBlockList, matchSpans, quickFix, root, rowEntries, sectionFindings, sectionTextFields, yamlScalar } from '../fields';
import type { LintRule } from '../rule';

interface KnownTool {
  readonly name: string;
  readonly aliases: readonly string[];
}

const TOOLS = knownTools.tools as KnownTool[];

// One pass over each tech-stack line finds every known tool; group i is tool i. Case matters:
// tool names are proper nouns, and "at the helm" or "in flux" are not tools.
const MENTION = new RegExp(`\\b(?:${TOOLS.map((t) => `(${escapeRegExp(t.name).replace(/ /g, '\\s+')})`).join('|')})\\b`, 'g');

/** Known tools named in the tech_stack section, in order. */
function scanMentions(parsed: ParsedBlueprint, section: Section): { tool: KnownTool; span: Span }[] {
  const out: { tool: KnownTool; span: Span }[] = [];
  for (const field of sectionTextFields(section)) {
    for (const m of matchSpans(parsed, field, MENTION)) {
      const tool = TOOLS[m.groups.findIndex((g) => g !== undefined)];
      if (tool) out.push({ tool, span: m.span });
    }
  }
  return out;
}

// Per known tool: its name and aliases, normalised (names are compared as whole words).
const toolNames = new Map<KnownTool, readonly string[]>();

function namesOf(tool: KnownTool): readonly string[] {
  let names = toolNames.get(tool);
  if (!names) toolNames.set(tool, (names = [tool.name, ...tool.aliases].map(normaliseName).filter((n) => n.length > 0)));
  return names;
}

// Per tools row: its name and category, normalised. Per tools list value (kept while the
// section is unchanged): those texts in one string, and whether it lists each known tool.
const rowTexts = new WeakMap<object, string>();
const listedCache = new WeakMap<object, { readonly texts: string; readonly verdicts: Map<KnownTool, boolean> }>();

function isListed(parsed: ParsedBlueprint, tools: object, tool: KnownTool): boolean {
  let listed = listedCache.get(tools);
  if (!listed) {
    const texts = rowEntries(parsed, 'tools').map((r) => {
      const row = r.record as object;
      let text = rowTexts.get(row);
      if (text === undefined) rowTexts.set(row, (text = normaliseName(`${r.name} ${typeof r.record?.category === 'string' ? r.record.category : ''}`)));
      return text;
    });
    // Normalised text has no NUL, so a name found between spaces lies within one row's text.
    listedCache.set(tools, (listed = { texts: ` ${texts.join(' \0 ')} `, verdicts: new Map() }));
  }
  let verdict = listed.verdicts.get(tool);
  if (verdict === undefined) {
    const texts = listed.texts;
    verdict = namesOf(tool).some((n) => texts.includes(` ${n} `));
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
    for (const { tool, span } of sectionFindings(parsed, 'tech_stack', scanMentions)) {
      if (reported.has(tool.name) || isListed(parsed, tools, tool)) continue;
      reported.add(tool.name);
      const append = appendToBlockList(parsed, ['tools'], [`name: ${yamlScalar(tool.name)}`]);
      const fixes = append ? [quickFix(doc, `Add a "${tool.name}" row to tools`, [append])] : [];
      report({ span, message: `The tech stack names ${tool.name}, but no row in tools lists it.`, data: { fixes, tool: tool.name } });
    }
  },
};
