import type { CommandFactory, Ctx } from '../ctx';

export function showOutput(): CommandFactory {
  const run = (ctx: Ctx) => () => ctx.output.show(true);
  return { enabled: run, disabled: run };
}
