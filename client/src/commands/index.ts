import type { CommandFactory } from '../ctx';
import type { PreviewManager } from '../preview/manager';
import { compareWith } from './compareWith';
import { createRoleBlueprint } from './createRoleBlueprint';
import { exportHtml } from './exportHtml';
import { exportJobPosting } from './exportJobPosting';
import { exportJobPostingJsonLd } from './exportJobPostingJsonLd';
import { exportMarkdown } from './exportMarkdown';
import { importBlueprint } from './importBlueprint';
import { newBlueprint } from './newBlueprint';
import { openPreview } from './openPreview';
import { openPreviewToSide } from './openPreviewToSide';
import { restartServer } from './restartServer';
import { showLadder } from './showLadder';
import { showOutput } from './showOutput';
import { togglePreviewLock } from './togglePreviewLock';

/** Every command, registered as `roleBlueprint.<name>`; package.json contributes the same names. */
export function createCommands(previews: PreviewManager): Record<string, CommandFactory> {
  return {
    newBlueprint: newBlueprint(),
    importBlueprint: importBlueprint(),
    openPreview: openPreview(previews),
    openPreviewToSide: openPreviewToSide(previews),
    togglePreviewLock: togglePreviewLock(previews),
    exportHtml: exportHtml(previews),
    exportMarkdown: exportMarkdown(previews),
    exportJobPosting: exportJobPosting(previews),
    exportJobPostingJsonLd: exportJobPostingJsonLd(previews),
    compareWith: compareWith(previews),
    showLadder: showLadder(),
    createRoleBlueprint: createRoleBlueprint(),
    restartServer: restartServer(),
    showOutput: showOutput(),
  };
}
