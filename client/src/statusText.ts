import type { DocumentStatus, ServerStatus } from '../../server/src/lsp/protocol';

/** The client's view of the server process, from the language client's state and notifications. */
export type ServerState = 'starting' | 'running' | 'stopped' | 'crashed';

export type StatusSeverity = 'ok' | 'warning' | 'error';

export interface StatusView {
  /** Status bar text (with codicons). */
  readonly text: string;
  /** Markdown tooltip lines. */
  readonly details: readonly string[];
  readonly severity: StatusSeverity;
  readonly busy: boolean;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * What the status item shows for the active blueprint: completeness and problem counts, or the
 * server's state when that is what matters. Pure, so the wording is unit-tested.
 */
export function statusView(server: ServerState, serverStatus: ServerStatus | undefined, document: DocumentStatus | undefined): StatusView {
  if (server === 'starting') {
    return { text: '$(sync~spin) Role Blueprint: starting…', details: ['The Role Blueprint server is starting.'], severity: 'ok', busy: true };
  }
  if (server === 'stopped' || server === 'crashed') {
    const what = server === 'crashed' ? 'The Role Blueprint server crashed and was not restarted.' : 'The Role Blueprint server is stopped.';
    return { text: `$(error) Role Blueprint: server ${server}`, details: [what], severity: 'error', busy: false };
  }
  const details: string[] = [];
  if (serverStatus?.message) details.push(serverStatus.message);
  const busy = serverStatus?.quiescent === false;
  if (!document) {
    const severity = serverStatus?.health ?? 'ok';
    const icon = severity === 'ok' ? '$(check)' : severity === 'warning' ? '$(warning)' : '$(error)';
    return { text: `${busy ? '$(sync~spin)' : icon} Role Blueprint`, details, severity, busy };
  }
  const parts = [`${document.sectionsPresent}/${document.sectionsTotal} sections`];
  if (document.errors > 0) parts.push(plural(document.errors, 'error'));
  if (document.warnings > 0) parts.push(plural(document.warnings, 'warning'));
  const severity: StatusSeverity = document.errors > 0 ? 'error' : document.warnings > 0 ? 'warning' : serverStatus?.health ?? 'ok';
  const icon = busy ? '$(sync~spin)' : document.errors > 0 ? '$(error)' : document.warnings > 0 ? '$(warning)' : '$(checklist)';
  details.unshift(`**${document.sectionsPresent} of ${document.sectionsTotal} sections** present; ${plural(document.errors, 'error')}, ${plural(document.warnings, 'warning')}.`);
  if (document.missing.length > 0) details.push(`Missing: ${document.missing.map((key) => `\`${key}\``).join(', ')}`);
  if (document.thin.length > 0) details.push(`Thin: ${document.thin.map((key) => `\`${key}\``).join(', ')}`);
  return { text: `${icon} Role Blueprint: ${parts.join(' · ')}`, details, severity, busy };
}
