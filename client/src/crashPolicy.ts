/**
 * When to restart a crashed server: up to `maxRestarts` crashes within `windowMs`, so a server
 * that dies on start-up is not restarted forever. Pure (the clock is passed in) for the tests.
 */
export class CrashPolicy {
  readonly #crashes: number[] = [];
  #notified = false;

  constructor(
    readonly maxRestarts = 5,
    readonly windowMs = 3 * 60 * 1000,
  ) {}

  /** Records a crash at `now`; `restart` says whether to start the server again. */
  crashed(now: number): { readonly restart: boolean; readonly notify: boolean } {
    this.#crashes.push(now);
    while (this.#crashes.length > 0 && this.#crashes[0] <= now - this.windowMs) this.#crashes.shift();
    const restart = this.#crashes.length <= this.maxRestarts;
    // The user hears about the first restart once per session; giving up is always reported.
    const notify = !restart || !this.#notified;
    if (restart) this.#notified = true;
    return { restart, notify };
  }

  /** A manual restart starts a new budget. */
  reset(): void {
    this.#crashes.length = 0;
  }
}
