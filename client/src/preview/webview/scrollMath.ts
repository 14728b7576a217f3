/**
 * Source line ↔ page offset, by interpolating between the rendered `.code-line` elements
 * (each carries the 0-based source line it came from). Pure: the script measures the DOM
 * and passes plain blocks, so the arithmetic is tested without a browser.
 */

export interface LineBlock {
  /** Source line from `data-line`. */
  readonly line: number;
  /** Offset of the element's top from the top of the page, in px. */
  readonly top: number;
}

/**
 * Blocks in page order with strictly increasing lines and tops: nested elements that share a
 * line, or that the layout placed out of order, would make interpolation jump backwards.
 */
export function monotonicBlocks(blocks: readonly LineBlock[]): LineBlock[] {
  const sorted = [...blocks].sort((a, b) => a.top - b.top || a.line - b.line);
  const result: LineBlock[] = [];
  for (const block of sorted) {
    const last = result[result.length - 1];
    if (!last || (block.line > last.line && block.top > last.top)) result.push(block);
  }
  return result;
}

/** Index of the last block whose `key` is <= value, or -1 (blocks ascending in `key`). */
function lastAtOrBefore(blocks: readonly LineBlock[], value: number, key: keyof LineBlock): number {
  let low = 0;
  let high = blocks.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (blocks[mid][key] <= value) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/** `value` on the `from` scale mapped to the `to` scale, linearly between the blocks around it, clamped to the first and last. */
function interpolate(blocks: readonly LineBlock[], value: number, from: keyof LineBlock, to: keyof LineBlock): number {
  if (blocks.length === 0) return 0;
  const index = lastAtOrBefore(blocks, value, from);
  if (index < 0) return blocks[0][to];
  const previous = blocks[index];
  const next = blocks[index + 1];
  if (!next) return previous[to];
  const fraction = (value - previous[from]) / (next[from] - previous[from]);
  return previous[to] + fraction * (next[to] - previous[to]);
}

/** Page offset at which source `line` (fractional allowed) starts; blocks from `monotonicBlocks`. */
export function offsetForLine(blocks: readonly LineBlock[], line: number): number {
  return interpolate(blocks, line, 'line', 'top');
}

/** Source line (fractional) shown at page `offset`; blocks from `monotonicBlocks`. */
export function lineForOffset(blocks: readonly LineBlock[], offset: number): number {
  return interpolate(blocks, offset, 'top', 'line');
}
