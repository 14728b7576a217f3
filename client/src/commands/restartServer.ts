import type { CommandFactory, Ctx } from '../ctx';

/** Restarts a running server, or starts a stopped one (with a fresh crash budget). */
export function restartServer(): CommandFactory {
  const run = (ctx: Ctx) => () => ctx.restart();
  return { enabled: run, disabled: run };
}
