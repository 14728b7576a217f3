// One build for the three bundles (and the preview's webview script).
// `node esbuild.mjs --watch` rebuilds on change; `--minify` for packaging.
import * as esbuild from 'esbuild';
import { CLI_ENTRY_POINTS, nodeBundleOptions, SERVER_ENTRY_POINTS } from './scripts/bundles.mjs';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

const common = nodeBundleOptions(minify);

/** @type {esbuild.BuildOptions[]} */
const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: SERVER_ENTRY_POINTS, outdir: 'dist' },
  // The shebang only on the launcher: the bundle it runs is wrapped in a function, where one is a syntax error.
  { ...common, entryPoints: { cli: CLI_ENTRY_POINTS.cli }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: { 'cli-main': CLI_ENTRY_POINTS['cli-main'] }, outdir: 'dist' },
  // The preview's webview script: runs in the webview (a browser), loaded from the extension's media/.
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', mainFields: ['browser', 'module', 'main'], entryPoints: { preview: 'client/src/preview/webview/main.ts' }, outdir: 'media/dist' },
];

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
