// What a person sees in the workbench, as Playwright locators and actions. UI checks use these
// instead of raw selectors so that a change of VS Code's DOM is fixed in one place.
export class Workbench {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
  }

  /** Waits until the workbench has rendered and the Explorer shows the workspace. */
  async ready() {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });
  }

  /** An Explorer row by its file or folder name. */
  explorerRow(name) {
    return this.page.locator('.explorer-folders-view .monaco-list-row').filter({
      has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }),
    });
  }

  /** Opens a workspace file (path relative to the workspace, `/`-separated) from the Explorer. */
  async openFile(relativePath) {
    const segments = relativePath.split('/');
    for (const folder of segments.slice(0, -1)) {
      const row = this.explorerRow(folder);
      if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    }
    const name = segments.at(-1);
    await this.explorerRow(name).dblclick();
    await this.activeTab(name).waitFor();
    await this.editor().waitFor();
  }

  /** The active editor tab, when its label is `name`. */
  activeTab(name) {
    return this.page.locator('.tabs-container .tab.active').filter({ hasText: name });
  }

  /** The visible text editor (Monaco) of the active editor group. */
  editor() {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** The language shown in the status bar for the active editor. */
  async languageMode() {
    const item = this.page.locator('[id="status.editor.mode"]');
    await item.waitFor();
    return (await item.innerText()).trim();
  }

  /** Error or warning squiggles currently drawn in the active editor. */
  squiggles(severity = 'error') {
    return this.editor().locator(`.squiggly-${severity}`);
  }

  /** Runs a command by its label from the Command Palette (F1). */
  async runCommand(label) {
    await this.editor().click().catch(() => {});
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${label}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** Opens the Problems panel and returns its rows (locator). */
  async problems() {
    await this.runCommand('View: Focus Problems');
    const panel = this.page.locator('.markers-panel');
    await panel.waitFor();
    return panel.locator('.monaco-list-row');
  }

  /** Puts the cursor at (line, column), both 1-based, in the active editor. */
  async goTo(line, column = 1) {
    await this.editor().click();
    await this.page.keyboard.press('Control+G');
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    // Keys pressed before the widget has closed would go to it, not to the editor.
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** Triggers completion at the cursor and returns the suggest widget's rows (locator). */
  async suggest() {
    await this.page.keyboard.press('Control+Space');
    const rows = this.page.locator('.suggest-widget .monaco-list-row');
    await rows.first().waitFor();
    return rows;
  }

  /**
   * The content of a webview panel (e.g. the preview). Webviews are nested iframes: the outer
   * `iframe.webview` hosts the content in its `#active-frame`.
   */
  webview(index = 0) {
    return this.page.frameLocator('iframe.webview').nth(index).frameLocator('#active-frame');
  }

  /** The content frame of a webview (a Playwright Frame, to evaluate code in the page). */
  async webviewFrame(index = 0) {
    const outer = await this.page.locator('iframe.webview').nth(index).elementHandle();
    const inner = await (await outer.contentFrame()).waitForSelector('#active-frame');
    return inner.contentFrame();
  }

  /** A status bar item, by (part of) its text. */
  statusItem(text) {
    return this.page.locator('.statusbar-item', { hasText: text });
  }

  /** Discards the unsaved changes of the active editor (File: Revert File). */
  async revert() {
    await this.runCommand('File: Revert File');
  }
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
