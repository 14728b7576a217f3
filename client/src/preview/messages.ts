/**
 * Messages between the preview panel (extension side) and its webview script. Both sides
 * import this file, so a changed message is a type error on both. Every message names the
 * `source` document it is about, so a message that crosses a switch of document is dropped.
 */

/** What the webview persists with `setState`; the serializer revives the panel from it. */
export interface PreviewState {
  readonly source: string;
  readonly locked: boolean;
  /** Source line (fractional) at the top of the preview. */
  readonly line?: number;
}

/** Data of one full render, carried in an escaped `data-state` attribute of the page. */
export interface PreviewPageData extends PreviewState {
  readonly version: number;
  readonly scrollSync: boolean;
}

//#region To the webview

/** New rendered body of the same document; the script morphs it into the page. */
export interface UpdateMessage {
  readonly type: 'update';
  readonly source: string;
  readonly version: number;
  readonly html: string;
}

/** The editor scrolled: show this source line at the top. */
export interface ScrollToLineMessage {
  readonly type: 'scrollToLine';
  readonly source: string;
  readonly line: number;
}

/** The preview was locked to its file or unlocked (it then follows the active editor). */
export interface SetLockedMessage {
  readonly type: 'setLocked';
  readonly source: string;
  readonly locked: boolean;
}

export type ToWebviewMessage = UpdateMessage | ScrollToLineMessage | SetLockedMessage;

//#endregion

//#region From the webview

/** The preview scrolled: reveal this source line (fractional) in the editor. */
export interface RevealLineMessage {
  readonly type: 'revealLine';
  readonly source: string;
  readonly line: number;
}

/** Double-click on a rendered element: put the cursor on its source line. */
export interface DidClickMessage {
  readonly type: 'didClick';
  readonly source: string;
  readonly line: number;
}

export type FromWebviewMessage = RevealLineMessage | DidClickMessage;

//#endregion

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isLine(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Guards the untyped `onDidReceiveMessage` payload; anything malformed is ignored. */
export function isFromWebviewMessage(value: unknown): value is FromWebviewMessage {
  if (!isObject(value) || typeof value.source !== 'string') return false;
  switch (value.type) {
    case 'revealLine':
    case 'didClick':
      return isLine(value.line);
    default:
      return false;
  }
}

/** Guards `message` events in the webview (other frames may post to it as well). */
export function isToWebviewMessage(value: unknown): value is ToWebviewMessage {
  if (!isObject(value) || typeof value.source !== 'string') return false;
  switch (value.type) {
    case 'update':
      return typeof value.html === 'string' && typeof value.version === 'number';
    case 'scrollToLine':
      return isLine(value.line);
    case 'setLocked':
      return typeof value.locked === 'boolean';
    default:
      return false;
  }
}

/** Guards the state the serializer gets back after a window reload. */
export function isPreviewState(value: unknown): value is PreviewState {
  return (
    isObject(value) &&
    typeof value.source === 'string' &&
    value.source.length > 0 &&
    typeof value.locked === 'boolean' &&
    (value.line === undefined || isLine(value.line))
  );
}
