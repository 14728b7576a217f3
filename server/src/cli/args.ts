import { CliError } from './io';

export interface ParsedArgs {
  readonly positionals: string[];
  readonly values: Map<string, string>;
  readonly flags: Set<string>;
}

/**
 * A small, strict argument parser: `--name value`, `--name=value`, `-o value`, `--flag`.
 * Unknown options are usage errors, so a typo never silently changes what a command does.
 */
export function parseArgs(argv: readonly string[], spec: { values?: string[]; flags?: string[]; aliases?: Record<string, string> }): ParsedArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  const known = (name: string) => spec.aliases?.[name] ?? name;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const [rawName, inline] = arg.replace(/^--?/, '').split(/=(.*)/s, 2);
    const name = known(rawName);
    if (spec.values?.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new CliError(`${arg} needs a value`);
      values.set(name, value);
    } else if (spec.flags?.includes(name) && inline === undefined) {
      flags.add(name);
    } else {
      throw new CliError(`unknown option ${arg}`);
    }
  }
  return { positionals, values, flags };
}
