/**
 * The preview's script, bundled by esbuild to media/dist/preview.js (browser, iife).
 * Morphs updates into the page (no flicker, scroll kept on the same source line), syncs
 * scrolling both ways and sends double-clicks to the editor.
 */
import morphdom from 'morphdom';
import { PREVIEW_DATA_ID, PREVIEW_ROOT_ID } from '../html';
import { isToWebviewMessage, type FromWebviewMessage, type PreviewPageData, type PreviewState } from '../messages';
import { lineForOffset, monotonicBlocks, offsetForLine, type LineBlock } from './scrollMath';

interface VsCodeApi {
  postMessage(message: FromWebviewMessage): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById(PREVIEW_ROOT_ID) as HTMLElement;
const data = JSON.parse(document.getElementById(PREVIEW_DATA_ID)?.dataset.state ?? '{}') as PreviewPageData;

let state: PreviewState = { source: data.source, locked: data.locked, line: data.line };
vscode.setState(state);

function saveState(patch: Partial<PreviewState>): void {
  state = { ...state, ...patch };
  vscode.setState(state);
}

/** Measured fresh each time: layout changes with every update and every resize. */
function measureBlocks(): LineBlock[] {
  const blocks: LineBlock[] = [];
  for (const element of Array.from(root.querySelectorAll<HTMLElement>('.code-line[data-line]'))) {
    const line = Number(element.dataset.line);
    if (!Number.isFinite(line)) continue;
    const rect = element.getBoundingClientRect();
    if (rect.height === 0 && rect.width === 0) continue;
    blocks.push({ line, top: rect.top + window.scrollY });
  }
  return monotonicBlocks(blocks);
}

/** Offset the page was last scrolled to by us; its scroll event is not echoed to the editor. */
let programmaticScrollTop: number | undefined;

function scrollToLine(line: number): void {
  const top = Math.max(0, Math.round(offsetForLine(measureBlocks(), line)));
  const reachable = Math.min(top, document.documentElement.scrollHeight - window.innerHeight);
  if (Math.abs(window.scrollY - Math.max(0, reachable)) < 1) return;
  programmaticScrollTop = Math.max(0, reachable);
  window.scrollTo(0, top);
}

function currentLine(): number {
  return lineForOffset(measureBlocks(), window.scrollY);
}

const SCROLL_THROTTLE_MS = 50;
let scrollTimer: number | undefined;

window.addEventListener(
  'scroll',
  () => {
    if (programmaticScrollTop !== undefined && Math.abs(window.scrollY - programmaticScrollTop) < 2) {
      programmaticScrollTop = undefined;
      saveState({ line: currentLine() });
      return;
    }
    programmaticScrollTop = undefined;
    if (scrollTimer !== undefined) return;
    scrollTimer = window.setTimeout(() => {
      scrollTimer = undefined;
      const line = currentLine();
      saveState({ line });
      if (data.scrollSync) vscode.postMessage({ type: 'revealLine', source: state.source, line });
    }, SCROLL_THROTTLE_MS);
  },
  { passive: true },
);

document.addEventListener('dblclick', (event) => {
  const target = event.target instanceof Element ? event.target.closest<HTMLElement>('.code-line[data-line]') : null;
  if (!target) return;
  const line = Number(target.dataset.line);
  if (Number.isFinite(line)) vscode.postMessage({ type: 'didClick', source: state.source, line });
});

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isToWebviewMessage(message) || message.source !== state.source) return;
  switch (message.type) {
    case 'update': {
      const line = currentLine();
      const next = document.createElement('main');
      next.id = PREVIEW_ROOT_ID;
      next.innerHTML = message.html;
      morphdom(root, next);
      // Content above may have grown or shrunk: keep the same source line at the top.
      if (window.scrollY > 0) scrollToLine(line);
      break;
    }
    case 'scrollToLine':
      scrollToLine(message.line);
      saveState({ line: message.line });
      break;
    case 'setLocked':
      document.body.classList.toggle('bp-locked', message.locked);
      saveState({ locked: message.locked });
      break;
  }
});

// A revived or re-rendered page returns to where the reader was.
window.addEventListener('load', () => {
  if (state.line !== undefined && state.line > 0) scrollToLine(state.line);
});
