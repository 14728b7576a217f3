/**
 * The blueprint stylesheet. Colours come from VS Code's theme variables when the page runs in a
 * webview (light, dark and high contrast follow the editor) and fall back to a light or dark
 * palette (`prefers-color-scheme`, or `data-theme` on <html>) in an exported page.
 */

const LIGHT = `
  --bp-fg: var(--vscode-editor-foreground, #1f2328);
  --bp-bg: var(--vscode-editor-background, #ffffff);
  --bp-muted: var(--vscode-descriptionForeground, #59636e);
  --bp-link: var(--vscode-textLink-foreground, #0969da);
  --bp-border: var(--vscode-contrastBorder, var(--vscode-editorWidget-border, #d1d9e0));
  --bp-zebra: var(--vscode-editor-inactiveSelectionBackground, #f6f8fa);
  --bp-head-bg: var(--vscode-editorWidget-background, #eef1f4);
  --bp-accent: var(--vscode-textLink-foreground, #0969da);
  --bp-error: var(--vscode-editorError-foreground, #cf222e);
  --bp-warning: var(--vscode-editorWarning-foreground, #9a6700);
  --bp-info: var(--vscode-editorInfo-foreground, #0969da);
  --bp-ok: var(--vscode-testing-iconPassed, #1a7f37);
  --bp-chip-bg: var(--vscode-badge-background, #e7ecf0);
  --bp-chip-fg: var(--vscode-badge-foreground, #1f2328);
  --bp-code-bg: var(--vscode-textCodeBlock-background, #eff2f5);`;

const DARK = `
  --bp-fg: var(--vscode-editor-foreground, #e6edf3);
  --bp-bg: var(--vscode-editor-background, #0d1117);
  --bp-muted: var(--vscode-descriptionForeground, #9198a1);
  --bp-link: var(--vscode-textLink-foreground, #4493f8);
  --bp-border: var(--vscode-contrastBorder, var(--vscode-editorWidget-border, #3d444d));
  --bp-zebra: var(--vscode-editor-inactiveSelectionBackground, #151b23);
  --bp-head-bg: var(--vscode-editorWidget-background, #1b222c);
  --bp-accent: var(--vscode-textLink-foreground, #4493f8);
  --bp-error: var(--vscode-editorError-foreground, #f85149);
  --bp-warning: var(--vscode-editorWarning-foreground, #d29922);
  --bp-info: var(--vscode-editorInfo-foreground, #4493f8);
  --bp-ok: var(--vscode-testing-iconPassed, #3fb950);
  --bp-chip-bg: var(--vscode-badge-background, #2a313c);
  --bp-chip-fg: var(--vscode-badge-foreground, #e6edf3);
  --bp-code-bg: var(--vscode-textCodeBlock-background, #1c2128);`;

export const BLUEPRINT_CSS = `
:root {${LIGHT}
  color-scheme: light dark;
}
:root[data-theme="light"] { color-scheme: light; }
:root[data-theme="dark"] {${DARK}
  color-scheme: dark;
}
@media (prefers-color-scheme: dark) {
  :root:not([data-theme="light"]) {${DARK}
  }
}
html { background: var(--bp-bg); }
body {
  margin: 0;
  background: var(--bp-bg);
  color: var(--bp-fg);
  font-family: var(--vscode-font-family, -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif);
  font-size: var(--vscode-font-size, 15px);
  line-height: 1.55;
}
.bp { box-sizing: border-box; max-width: 980px; margin: 0 auto; padding: 28px 28px 64px; overflow-wrap: break-word; }
.bp *, .bp *::before, .bp *::after { box-sizing: border-box; }
.bp a { color: var(--bp-link); text-decoration: none; }
.bp a:hover { text-decoration: underline; }
.bp code { font-family: var(--vscode-editor-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace); font-size: 0.88em; background: var(--bp-code-bg); padding: 0.1em 0.35em; border-radius: 4px; }

.bp-header { padding-bottom: 18px; margin-bottom: 18px; border-bottom: 2px solid var(--bp-accent); }
.bp-kicker { margin: 0; text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.75em; font-weight: 600; color: var(--bp-muted); }
.bp-title { margin: 4px 0 10px; font-size: 2.1em; line-height: 1.2; font-weight: 700; }
.bp-meta { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 10px; font-size: 0.9em; }
.bp-chip { display: inline-block; padding: 2px 10px; border-radius: 999px; background: var(--bp-chip-bg); color: var(--bp-chip-fg); border: 1px solid var(--bp-border); }
.bp-chip-label { color: inherit; opacity: 0.75; font-size: 0.85em; text-transform: uppercase; letter-spacing: 0.05em; margin-right: 2px; }
.bp-source { color: var(--bp-muted); overflow-wrap: anywhere; }

.bp-meter { margin: 0 0 26px; }
.bp-meter-head { font-size: 0.9em; color: var(--bp-muted); margin-bottom: 6px; }
.bp-meter-score { font-weight: 700; color: var(--bp-fg); font-size: 1.1em; }
.bp-meter-bar { list-style: none; display: flex; gap: 3px; margin: 0; padding: 0; }
.bp-seg { flex: 1 1 0; min-width: 0; }
.bp-seg a { display: block; text-align: center; font-size: 0.7em; line-height: 20px; height: 20px; border-radius: 3px; color: var(--bp-bg); font-weight: 600; overflow: hidden; }
.bp-seg a:hover { text-decoration: none; filter: brightness(1.1); }
.bp-seg-complete a { background: var(--bp-ok); }
.bp-seg-thin a { background: var(--bp-warning); }
.bp-seg-missing a { background: transparent; color: var(--bp-muted); border: 1px dashed var(--bp-muted); line-height: 18px; }

.bp-section { margin: 0 0 30px; }
.bp h2 { font-size: 1.45em; line-height: 1.3; margin: 0 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--bp-border); }
.bp-num { color: var(--bp-accent); font-variant-numeric: tabular-nums; }
.bp h3 { font-size: 1.08em; margin: 18px 0 6px; }
.bp-group-note { font-weight: 400; color: var(--bp-muted); font-size: 0.92em; }
.bp-section-missing h2 { color: var(--bp-muted); border-bottom-style: dashed; }
.bp-section-missing .bp-num { color: var(--bp-muted); }
.bp-placeholder { margin: 0; padding: 10px 14px; border: 1px dashed var(--bp-border); border-radius: 6px; color: var(--bp-muted); font-style: italic; }
.bp-empty { color: var(--bp-muted); font-style: italic; }
.bp-prose p { margin: 0 0 10px; }
.bp-list { margin: 4px 0 10px; padding-left: 1.6em; }
.bp-list li { margin: 3px 0; }
.bp-list li::marker { color: var(--bp-muted); }
.bp-lead { font-weight: 650; }
.bp-item-extra { margin-top: 2px; color: var(--bp-muted); font-size: 0.94em; }
.bp-label { font-weight: 600; }

.bp-table-wrap { max-width: 100%; overflow-x: auto; margin: 6px 0 14px; }
.bp-table { width: 100%; border-collapse: collapse; font-size: 0.92em; table-layout: auto; }
.bp-table th, .bp-table td { border: 1px solid var(--bp-border); padding: 6px 9px; vertical-align: top; text-align: left; overflow-wrap: anywhere; word-break: normal; }
.bp-table thead th { background: var(--bp-head-bg); font-weight: 600; overflow-wrap: normal; }
.bp-table tbody tr:nth-child(even of :not(.bp-callout-row)) { background: var(--bp-zebra); }
.bp-table td .bp-list { margin: 0; }
.bp-deftable th { width: 28%; background: var(--bp-head-bg); font-weight: 600; }
.bp-col-name, .bp-col-dimension { min-width: 9em; }
.bp-col-weight, .bp-col-importance, .bp-col-prevalence { width: 1%; white-space: nowrap; }
.bp-col-frequency { width: 8.5em; }
.bp-table td.bp-cell-tight { overflow-wrap: normal; }
/* Narrow columns would make multi-column tables unreadable: they scroll in their box instead. */
.bp-table:not(.bp-deftable) { min-width: 34em; }
.bp-table-kpis { min-width: 46em; }
.bp-col-category { width: 11em; }
/* The four skill tiers line up: same columns, same widths. */
.bp-table-skills { table-layout: fixed; }
.bp-table-skills .bp-col-name { width: 26%; }
.bp-table-skills .bp-col-importance { width: 8.5em; }
.bp-prose .bp-list { margin-top: -4px; }

.bp-badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 0.8em; font-weight: 600; white-space: nowrap; border: 1px solid currentColor; }
.bp-badge-critical { color: var(--bp-error); }
.bp-badge-important { color: var(--bp-warning); }
.bp-badge-optional, .bp-badge-other { color: var(--bp-muted); }
.bp-badge-common { color: var(--bp-ok); }
.bp-badge-context-specific { color: var(--bp-info); }

.bp-note { margin: 0 0 14px; padding: 8px 14px; border-left: 3px solid var(--bp-border); }
.bp-note h3 { margin-top: 4px; }
.bp-note-origin { margin: 0 0 6px; color: var(--bp-muted); font-size: 0.88em; }
.bp-generic { margin: 4px 0; }
.bp-generic dt { font-weight: 600; }
.bp-generic dd { margin: 0 0 6px 1.2em; }
.bp-notice { padding: 10px 14px; border: 1px solid var(--bp-warning); border-radius: 6px; margin-bottom: 20px; }

.bp-diagnostics { margin: 0 0 20px; }
.bp-diagnostics-title { margin: 0 0 6px; font-weight: 600; }
.bp-callout { margin: 6px 0; padding: 5px 10px; border-left: 3px solid var(--bp-info); border-radius: 0 4px 4px 0; background: color-mix(in srgb, var(--bp-info) 10%, transparent); font-size: 0.88em; font-weight: 400; color: var(--bp-fg); overflow-wrap: anywhere; }
.bp-callout-error { border-left-color: var(--bp-error); background: color-mix(in srgb, var(--bp-error) 10%, transparent); }
.bp-callout-warning { border-left-color: var(--bp-warning); background: color-mix(in srgb, var(--bp-warning) 12%, transparent); }
.bp-callout-sev { font-weight: 700; margin-right: 4px; }
.bp-callout-error .bp-callout-sev { color: var(--bp-error); }
.bp-callout-warning .bp-callout-sev { color: var(--bp-warning); }
.bp-callout-info .bp-callout-sev { color: var(--bp-info); }
.bp-callout-line { color: var(--bp-muted); }
.bp-callout-code { margin-left: 6px; }
tr.bp-callout-row > td { border-top: none; background: var(--bp-bg); }
.bp-sentinel { height: 0; }
@media (max-width: 600px) {
  .bp { padding: 16px 14px 40px; }
  .bp-title { font-size: 1.6em; }
  .bp-seg a { font-size: 0; }
}
`;

/** Rules for printing an exported page (PDF): black on white, no meter or callouts, sane breaks. */
export const PRINT_CSS = `
@media print {
  :root, :root[data-theme="dark"], :root:not([data-theme="light"]) {
    --bp-fg: #000; --bp-bg: #fff; --bp-muted: #444; --bp-link: #000; --bp-border: #999;
    --bp-zebra: #f2f2f2; --bp-head-bg: #e6e6e6; --bp-accent: #000; --bp-chip-bg: #fff; --bp-chip-fg: #000;
    --bp-code-bg: #f2f2f2; --bp-error: #000; --bp-warning: #000; --bp-info: #000; --bp-ok: #000;
    color-scheme: light;
  }
  @page { margin: 16mm 14mm; }
  body { font-size: 10.5pt; }
  .bp { max-width: none; padding: 0; }
  :root:not(.bp-print-annotations) .bp-meter,
  :root:not(.bp-print-annotations) .bp-callout,
  :root:not(.bp-print-annotations) .bp-callout-row,
  :root:not(.bp-print-annotations) .bp-diagnostics { display: none; }
  :root:not(.bp-print-annotations) .bp-section-missing { display: none; }
  .bp a { text-decoration: underline; }
  .bp-source a::after { content: ""; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  h2 { break-before: auto; }
  .bp-group, .bp-note, .bp-table-wrap { break-inside: auto; }
  tr, li, .bp-callout { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .bp-table-wrap { overflow: visible; }
  .bp-table tbody tr:nth-child(even of :not(.bp-callout-row)) { background: #f2f2f2; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
