/** The one renderer behind the CLI `render`, the export commands and the live preview. */
export { renderHtmlBody, type RenderHtmlOptions } from './html';
export { renderHtmlDocument, EXPORT_CSP, type RenderDocumentOptions } from './document';
export { renderMarkdown, type RenderMarkdownOptions } from './markdown';
export { computeCompleteness, MIN_ITEMS, type Completeness, type SectionCompleteness, type SectionStatus } from './completeness';
export { BLUEPRINT_CSS, PRINT_CSS } from './styles';
export { escapeHtml, safeUrl } from './escape';
