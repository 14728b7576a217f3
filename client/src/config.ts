import * as vscode from 'vscode';
import { CONFIG_SECTION, readSettings, type ClientSettings } from './settings';

/** Typed access to `roleBlueprint.*`; re-read on every change so getters are always current. */
export class Config implements vscode.Disposable {
  #settings: ClientSettings;
  readonly #onDidChange = new vscode.EventEmitter<void>();
  readonly onDidChange = this.#onDidChange.event;
  readonly #listener: vscode.Disposable;

  constructor() {
    this.#settings = Config.#read();
    this.#listener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(CONFIG_SECTION)) return;
      this.#settings = Config.#read();
      this.#onDidChange.fire();
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
