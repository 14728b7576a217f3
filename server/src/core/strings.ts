/** Small text helpers shared by validation, completion and lint. */

/** The file name a uri ends with, percent-decoded ("a%20b.role.yaml" → "a b.role.yaml") when that is well-formed. */
export function fileNameOfUri(uri: string): string {
  // An untitled file's uri may have no path segments (`untitled:Untitled-1`): its scheme is no part of its name.
  const path = uri.replace(/^[a-z][a-z\d+.-]*:/i, '').replace(/[?#].*$/s, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * `text` in lower case with every offset kept: a letter whose lower case is longer ("İ" →
 * "i̇") stays as it is, so an index found in the result is the same index in `text`.
 */
export function lowerCaseKeepingOffsets(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const char of text) {
    const lowerChar = char.toLowerCase();
    out += lowerChar.length === char.length ? lowerChar : char;
  }
  return out;
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, prevPrev[j - 2] + 1);
      row.push(value);
    }
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length];
}

// Rows of boundedEditDistance, reused: it runs for thousands of name pairs per check.
let bandRows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * editDistance(a, b) when it is at most `max`, else max + 1: only the diagonal band |i - j| ≤ max
 * can hold values ≤ max (cells just outside it count as max + 1), and a row whose band is all
 * above max ends the search.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (!a.length || !b.length) return Math.max(a.length, b.length);
  const over = max + 1;
  if (bandRows[0].length < b.length + 2) bandRows = bandRows.map(() => new Int32Array(2 * (b.length + 2)));
  let [prevPrev, prev, row] = bandRows;
  const firstTo = Math.min(b.length, max);
  for (let j = 0; j <= firstTo; j++) prev[j] = j;
  prev[firstTo + 1] = over;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    row[from - 1] = from === 1 && i <= max ? i : over;
    let best = row[from - 1];
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) value = Math.min(value, prevPrev[j - 2] + 1);
      if (value > over) value = over;
      row[j] = value;
      if (value < best) best = value;
    }
    row[to + 1] = over;
    if (best > max) return over;
    [prevPrev, prev, row] = [prev, row, prevPrev];
  }
  return prev[b.length];
}

/** Candidates close enough to `word` to be what the author meant, best first. */
export function closestMatches(word: string, candidates: readonly string[], max = 3): string[] {
  const lower = word.toLowerCase();
  const limit = Math.max(1, Math.floor(lower.length / 3));
  return candidates
    .map((candidate) => ({ candidate, distance: editDistance(lower, candidate.toLowerCase()) }))
    .filter(({ distance, candidate }) => distance <= limit || candidate.toLowerCase().startsWith(lower) || lower.startsWith(candidate.toLowerCase()))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, max)
    .map(({ candidate }) => candidate);
}

/** `s` as a regular expression that matches it literally. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const NOT_NAME_CHARS = /[^\p{L}\p{N}+#]+/gu;

/** Lower-cases, drops punctuation and extra spaces: the form names are compared in. */
export function normaliseName(name: string): string {
  const lower = name.toLowerCase();
  // ASCII text (nearly every name) is cut at non-alphanumerics by hand: the Unicode-class
  // replace costs ~50 ns a character, and the lint rules normalise whole descriptions.
  let out = '';
  let runStart = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    if (c >= 128) return lower.replace(NOT_NAME_CHARS, ' ').trim();
    const kept = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 35;
    if (kept) {
      if (runStart === -1) runStart = i;
    } else if (runStart !== -1) {
      if (runStart === 0 && i === lower.length) return lower;
      out = out ? `${out} ${lower.slice(runStart, i)}` : lower.slice(runStart, i);
      runStart = -1;
    }
  }
  return out;
}

/**
 * A copy of a string that does not point into the string it was cut from. A V8 slice of 13 or
 * more characters keeps its whole parent alive, so a cache that outlives a document version
 * must not hold slices of that version's text; slicing a concatenation first flattens it into a
 * string of its own.
 */
export function detachedCopy(slice: string): string {
  return (' ' + slice).slice(1);
}
