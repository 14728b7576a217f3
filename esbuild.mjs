// One build for the three bundles (and the preview's webview script).
// `node esbuild.mjs --watch` rebuilds on change; `--minify` for packaging.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !minify,
  minify,
  logLevel: 'warning',
  // Prefer packages' CommonJS builds: some ESM builds read import.meta.url, which a CJS bundle lacks.
  mainFields: ['main', 'module'],
};

/** @type {esbuild.BuildOptions[]} */
const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  // The server: dist/server.js is a launcher that runs dist/server-main.js from V8's code cache (server/src/lsp/codeCache.ts).
  { ...common, entryPoints: { server: 'server/src/lsp/launcher.ts', 'server-main': 'server/src/lsp/main.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  // The preview's webview script: runs in the webview (a browser), loaded from the extension's media/.
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', mainFields: ['browser', 'module', 'main'], entryPoints: { preview: 'client/src/preview/webview/main.ts' }, outdir: 'media/dist' },
];

// Optional entries appear as their owners land them; a missing entry is skipped, not an error.
import { existsSync } from 'node:fs';
const runnable = builds.filter((b) => Object.values(b.entryPoints).every((p) => existsSync(p)));

if (watch) {
  for (const b of runnable) (await esbuild.context(b)).watch();
} else {
  await Promise.all(runnable.map((b) => esbuild.build(b)));
}
