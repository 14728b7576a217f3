import { isMap, isPair, isSeq } from 'yaml';
import type { ParsedBlueprint } from '../../server/src/core/parse';

/**
 * Where two parses of the same text differ (the first difference, as a path), or undefined when
 * they agree on everything a feature could read: each section's key, offset and node tree (node
 * kinds, ranges, values, styles, comments, spacing), the plain value and the problems. Walks
 * iteratively, because fuzzed input nests deeper than a recursive walk could go.
 */
export function parseDifference(got: ParsedBlueprint, expected: ParsedBlueprint): string | undefined {
  // How deep the yaml package can recurse depends on the JIT state, not on the text: when one of
  // the two parses of deeply nested flow collections ran out of stack, they may differ by that.
  const overflows = (p: ParsedBlueprint) => p.problems.some((problem) => problem.message.includes('call stack'));
  if (overflows(got) || overflows(expected)) return undefined;
  const a = flatten(got);
  const b = flatten(expected);
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return `got ${a[i] ?? '(nothing)'}, expected ${b[i] ?? '(nothing)'}`;
  return undefined;
}

/** One line per node or value: its depth, its key or index, and its own fields. */
function flatten(parsed: ParsedBlueprint): string[] {
  const lines = [`chunked ${parsed.chunked}`, ...parsed.problems.map((p) => `problem ${JSON.stringify(p)}`)];
  const stack: [number, string, unknown, boolean][] = [];
  for (const section of [...parsed.sections].reverse()) {
    stack.push([0, `${section.key}@${section.base} value`, section.valueNode, true], [0, `${section.key}@${section.base} key`, section.keyNode, true]);
  }
  stack.push([0, 'value', parsed.value, false]);
  while (stack.length > 0) {
    const [depth, where, item, isNode] = stack.pop() as [number, string, unknown, boolean];
    if (!isNode) {
      if (item === null || typeof item !== 'object') {
        lines.push(`${depth} ${where} = ${typeof item === 'string' ? JSON.stringify(item) : String(item)}`);
        continue;
      }
      const keys = Object.keys(item);
      lines.push(`${depth} ${where} ${Array.isArray(item) ? 'array' : 'object'} ${keys.length}`);
      for (let i = keys.length - 1; i >= 0; i--) stack.push([depth + 1, keys[i], (item as Record<string, unknown>)[keys[i]], false]);
      continue;
    }
    if (item === null || item === undefined) {
      lines.push(`${depth} ${where} ${String(item)}`);
      continue;
    }
    if (isPair(item)) {
      stack.push([depth + 1, ':value', item.value, true], [depth + 1, ':key', item.key, true]);
      continue;
    }
    let own = '';
    for (const key of Object.keys(item)) {
      if (key === 'items' || key === 'srcToken') continue;
      const value = (item as unknown as Record<string, unknown>)[key];
      own += ` ${key}=${typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? value.join(',') : String(value)}`;
    }
    lines.push(`${depth} ${where} ${(item as object).constructor.name}${own}`);
    if (isMap(item) || isSeq(item)) {
      const items = item.items as unknown[];
      for (let i = items.length - 1; i >= 0; i--) stack.push([depth + 1, String(i), items[i], true]);
    }
  }
  return lines;
}
