import { graphlib, layout } from '@dagrejs/dagre';
import { escapeHtml } from '../render/escape';
import type { Ladder, LadderEdge, LadderNode } from './ladder';
import { familyPage, type FamilyPageOptions } from './page';

/**
 * The career ladder as a diagram: laid out by dagre (layered, feeders on the left, next roles
 * on the right) and drawn as inline SVG, so the page needs no script and no network. Each
 * role with a file carries `data-uri` for the editor to open it on click; roles without a
 * file are dashed; an edge only one of its two roles declares is drawn dashed in the warning
 * colour.
 */

const LABEL_CHARS = 26;
const CHAR_WIDTH = 7.4;
const LINE_HEIGHT = 17;
const PAD_X = 14;
const PAD_Y = 10;

/** Word-wraps a title into lines of about `LABEL_CHARS` characters (a long word stays whole). */
export function wrapLabel(text: string, width = LABEL_CHARS): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

interface Box {
  readonly node: LadderNode;
  readonly lines: string[];
  readonly width: number;
  readonly height: number;
  x: number;
  y: number;
}

/** An edge is consistent when both of its roles have files and both declare it. */
export function edgeConsistent(edge: LadderEdge, nodes: ReadonlyMap<string, LadderNode>): boolean {
  const from = nodes.get(edge.from);
  const to = nodes.get(edge.to);
  if (!from || !to || from.missing || to.missing) return true;
  return edge.declaredBy.some((d) => d.group === 'next_roles') && edge.declaredBy.some((d) => d.group === 'feeder_roles');
}

/** Node positions and edge routes, from dagre. */
export function layoutLadder(ladder: Ladder): { boxes: Box[]; routes: { edge: LadderEdge; points: { x: number; y: number }[] }[]; width: number; height: number } {
  const graph = new graphlib.Graph({ multigraph: false });
  graph.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 70, marginx: 16, marginy: 16 });
  graph.setDefaultEdgeLabel(() => ({}));
  const boxes = ladder.nodes.map((node): Box => {
    const lines = wrapLabel(node.title);
    const sub = node.missing ? 'no blueprint yet' : node.level;
    const textLines = sub ? [...lines, sub] : lines;
    const width = Math.ceil(Math.max(...textLines.map((l) => l.length)) * CHAR_WIDTH + 2 * PAD_X);
    const height = textLines.length * LINE_HEIGHT + 2 * PAD_Y;
    return { node, lines, width, height, x: 0, y: 0 };
  });
  boxes.forEach((box, index) => graph.setNode(String(index), { width: box.width, height: box.height }));
  const indexOf = new Map(ladder.nodes.map((n, i) => [n.id, String(i)]));
  const routed = ladder.edges.filter((e) => indexOf.has(e.from) && indexOf.has(e.to) && e.from !== e.to);
  routed.forEach((edge) => graph.setEdge(indexOf.get(edge.from) as string, indexOf.get(edge.to) as string));
  layout(graph);
  boxes.forEach((box, index) => {
    const placed = graph.node(String(index));
    box.x = placed.x;
    box.y = placed.y;
  });
  const routes = routed.map((edge) => ({ edge, points: graph.edge(indexOf.get(edge.from) as string, indexOf.get(edge.to) as string).points ?? [] }));
  const size = graph.graph();
  return { boxes, routes, width: Math.ceil(size.width ?? 0), height: Math.ceil(size.height ?? 0) };
}

const LADDER_CSS = `
.bp-ladder-wrap { overflow: auto; border: 1px solid var(--bp-border); border-radius: 6px; background: var(--bp-bg); }
.bp-ladder svg { display: block; font-family: inherit; }
.bp-ladder-node rect { fill: var(--bp-head-bg); stroke: var(--bp-accent); stroke-width: 1.5; }
.bp-ladder-node text { fill: var(--bp-fg); font-size: 13px; }
.bp-ladder-node .bp-ladder-sub { fill: var(--bp-muted); font-size: 11.5px; }
.bp-ladder-node[data-uri] { cursor: pointer; }
.bp-ladder-node[data-uri]:hover rect, .bp-ladder-node[data-uri]:focus rect { stroke-width: 2.5; }
.bp-ladder-node:focus { outline: none; }
.bp-ladder-missing rect { fill: transparent; stroke: var(--bp-muted); stroke-dasharray: 5 4; }
.bp-ladder-missing text { fill: var(--bp-muted); }
.bp-ladder-edge { fill: none; stroke: var(--bp-muted); stroke-width: 1.4; }
.bp-ladder-edge-inconsistent { stroke: var(--bp-warning); stroke-dasharray: 6 4; }
.bp-ladder-arrow { fill: var(--bp-muted); }
.bp-ladder-legend { margin: 8px 0 16px; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 6px 18px; color: var(--bp-muted); font-size: 0.9em; }
`;

const fmt = (n: number) => String(Math.round(n * 10) / 10);

/** The ladder as inline SVG markup (no page around it). */
export function ladderToSvg(ladder: Ladder): string {
  const { boxes, routes, width, height } = layoutLadder(ladder);
  const nodesById = new Map(ladder.nodes.map((n) => [n.id, n]));
  const edges = routes.map(({ edge, points }) => {
    const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${fmt(p.x)},${fmt(p.y)}`).join(' ');
    const consistent = edgeConsistent(edge, nodesById);
    return `<path class="bp-ladder-edge${consistent ? '' : ' bp-ladder-edge-inconsistent'}" d="${d}" marker-end="url(#bp-ladder-arrow)" data-from="${escapeHtml(edge.from)}" data-to="${escapeHtml(edge.to)}"><title>${escapeHtml(`${nodesById.get(edge.from)?.title ?? ''} → ${nodesById.get(edge.to)?.title ?? ''}${consistent ? '' : ' (declared by one side only)'}`)}</title></path>`;
  });
  const nodes = boxes.map((box) => {
    const { node } = box;
    const left = box.x - box.width / 2;
    const top = box.y - box.height / 2;
    const sub = node.missing ? 'no blueprint yet' : node.level;
    const texts = box.lines.map((line, i) => `<text x="${fmt(box.x)}" y="${fmt(top + PAD_Y + LINE_HEIGHT * (i + 0.75))}" text-anchor="middle">${escapeHtml(line)}</text>`);
    if (sub) texts.push(`<text class="bp-ladder-sub" x="${fmt(box.x)}" y="${fmt(top + PAD_Y + LINE_HEIGHT * (box.lines.length + 0.75))}" text-anchor="middle">${escapeHtml(sub)}</text>`);
    const attrs = node.uri ? ` data-uri="${escapeHtml(node.uri)}" tabindex="0" role="link"` : ` data-missing="true" data-title="${escapeHtml(node.title)}"`;
    return `<g class="bp-ladder-node${node.missing ? ' bp-ladder-missing' : ''}"${attrs}><title>${escapeHtml(node.title)}</title><rect x="${fmt(left)}" y="${fmt(top)}" width="${box.width}" height="${box.height}" rx="6"></rect>${texts.join('')}</g>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Career ladder">`,
    '<defs><marker id="bp-ladder-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path class="bp-ladder-arrow" d="M0,0 L10,5 L0,10 z"></path></marker></defs>',
    ...edges,
    ...nodes,
    '</svg>',
  ].join('\n');
}

/** The ladder as an HTML page (or a `.bp` fragment for a webview). */
export function ladderToHtml(ladder: Ladder, options: FamilyPageOptions = {}): string {
  const roles = ladder.nodes.filter((n) => !n.missing).length;
  const missing = ladder.nodes.length - roles;
  const body = [
    '<div class="bp bp-ladder">',
    `<header class="bp-header"><p class="bp-kicker">Career ladder</p><h1 class="bp-title">${escapeHtml(familyTitle(ladder))}</h1><p class="bp-meta">${roles} role${roles === 1 ? '' : 's'} with a blueprint, ${missing} named without one</p></header>`,
    '<ul class="bp-ladder-legend"><li>→ feeder role to next role</li><li>dashed box: no blueprint yet</li><li>dashed orange line: only one of the two roles lists the other</li></ul>',
    `<div class="bp-ladder-wrap">${ladderToSvg(ladder)}</div>`,
    '</div>',
  ].join('\n');
  return familyPage(`Career ladder: ${familyTitle(ladder)}`, body, LADDER_CSS, options);
}

function familyTitle(ladder: Ladder): string {
  const families = [...new Set(ladder.nodes.map((n) => n.family).filter((f): f is string => !!f))];
  return families.length ? families.join(', ') : 'Roles';
}

/** Mermaid label text: quotes and angle brackets as Mermaid entity codes. */
function mermaidLabel(text: string): string {
  return text.replace(/[\s]+/g, ' ').replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

/** The ladder as a Mermaid flowchart. */
export function ladderToMermaid(ladder: Ladder): string {
  const ids = new Map(ladder.nodes.map((n, i) => [n.id, `r${i}`]));
  const nodesById = new Map(ladder.nodes.map((n) => [n.id, n]));
  const lines = ['flowchart LR'];
  for (const node of ladder.nodes) lines.push(`  ${ids.get(node.id)}["${mermaidLabel(node.title)}"]${node.missing ? ':::missing' : ''}`);
  for (const edge of ladder.edges) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (from && to) lines.push(`  ${from} ${edgeConsistent(edge, nodesById) ? '-->' : '-.->'} ${to}`);
  }
  lines.push('  classDef missing stroke-dasharray: 5 4;');
  return lines.join('\n') + '\n';
}
