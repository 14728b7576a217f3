// The Node bundles and their esbuild options, for the build (esbuild.mjs) and for the bench and
// tests that build the server or the CLI from the current sources: one definition, so a bundle
// under test is made as the shipped one is.

/** esbuild options of a Node bundle (server, launcher, CLI); `minify` as packaged. */
export function nodeBundleOptions(minify) {
  return {
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
}

/** dist/server.js is a launcher that runs dist/server-main.js from V8's code cache (server/src/lsp/codeCache.ts). */
export const SERVER_ENTRY_POINTS = { server: 'server/src/lsp/launcher.ts', 'server-main': 'server/src/lsp/main.ts' };
/** dist/cli.js, the same kind of launcher, runs dist/cli-main.js. */
export const CLI_ENTRY_POINTS = { cli: 'server/src/cli/launcher.ts', 'cli-main': 'server/src/cli/main.ts' };
