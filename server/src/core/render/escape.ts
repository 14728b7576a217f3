/**
 * Escaping for everything a blueprint file puts on a page. Every string read from the file goes
 * through one of these before it reaches HTML or Markdown output: nothing from the file is ever
 * live markup.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const HTML_SPECIAL = /[&<>"']/g;
const HAS_HTML_SPECIAL = /[&<>"']/;

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return HAS_HTML_SPECIAL.test(text) ? text.replace(HTML_SPECIAL, (c) => HTML_ESCAPES[c]) : text;
}

/**
 * The URL when it is safe to follow from a rendered blueprint (http, https or mailto, no
 * whitespace or control characters), otherwise undefined: the caller then shows it as text.
 */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const url = value.trim();
  if (/[\s\u0000-\u001f\u007f]/.test(url)) return undefined;
  if (/^https?:\/\/[^/?#]+/i.test(url) || /^mailto:[^/]/i.test(url)) return url;
  return undefined;
}

// Markdown punctuation that can start emphasis, links, code, HTML, tables, headings or lists.
const MD_INLINE_SPECIAL = /[\\`*_[\]{}<>|#~!&]/g;
const MD_INLINE_ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/**
 * Escapes one line of text for Markdown so that a CommonMark/GFM viewer shows it literally:
 * HTML-significant characters become entities, Markdown punctuation gets a backslash, and a line
 * that would start a block (list, heading, quote, numbered item) is neutralised.
 */
export function escapeMarkdownInline(text: string): string {
  let escaped = text.replace(MD_INLINE_SPECIAL, (c) => MD_INLINE_ESCAPES[c] ?? '\\' + c);
  // Block starters only matter at the start of a line.
  escaped = escaped.replace(/^(\s*)([-+=]|\d+)([.)]?)(?=\s|$)/, (_m, space: string, lead: string, dot: string) => {
    if (/\d/.test(lead)) return dot ? `${space}${lead}\\${dot}` : `${space}${lead}`;
    return `${space}\\${lead}${dot}`;
  });
  return escaped;
}

/** Escapes text for a Markdown table cell: one line, pipes escaped. */
export function escapeMarkdownCell(text: string): string {
  return escapeMarkdownInline(text.replace(/\s*\r?\n\s*/g, ' ').trim());
}
