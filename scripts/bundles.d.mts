import type { BuildOptions } from 'esbuild';

export function nodeBundleOptions(minify: boolean): BuildOptions;
export const SERVER_ENTRY_POINTS: Record<'server' | 'server-main', string>;
export const CLI_ENTRY_POINTS: Record<'cli' | 'cli-main', string>;
