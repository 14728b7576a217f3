import * as vscode from 'vscode';
import { CONFIG_SECTION, RESTART_REQUIRED, readSettings, type ClientSettings } from './settings';

/** Typed access to `roleBlueprint.*`; re-read on every change so getters are always current. */
export class Config implements vscode.Disposable {
  #settings: ClientSettings;
  readonly #onDidChange = new vscode.EventEmitter<{ readonly requiresRestart: boolean }>();
  readonly onDidChange = this.#onDidChange.event;
  readonly #listener: vscode.Disposable;

  constructor() {
    this.#settings = Config.#read();
    this.#listener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(CONFIG_SECTION)) return;
      this.#settings = Config.#read();
      const requiresRestart = RESTART_REQUIRED.some((key) => event.affectsConfiguration(`${CONFIG_SECTION}.${key}`));
      this.#onDidChange.fire({ requiresRestart });
    });
  }

  static #read(): ClientSettings {
    const configuration = vscode.workspace.getConfiguration(CONFIG_SECTION);
    return readSettings((key) => configuration.get(key));
  }

  get settings(): ClientSettings {
    return this.#settings;
  }

  dispose(): void {
    this.#listener.dispose();
    this.#onDidChange.dispose();
  }
}
