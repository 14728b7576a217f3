// The Node bundles and their esbuild options, for the build (esbuild.mjs) and for the bench and
// tests that build the server or the CLI from the current sources: one definition, so a bundle
// under test is made as the shipped one is.

import { fileURLToPath } from 'node:url';

/**
 * The `yaml` package reads two debug switches, `process.env.LOG_TOKENS` and `LOG_STREAM`, for
 * every token it parses and composes. A read of `process.env` is a call into the runtime each
 * time: about half of a parse (the 10,000-line example: 175 ms warm, 90 ms with a plain object).
 * So in the bundles the package's `require('process')` gets scripts/yaml-process.cjs, the same
 * process with a plain copy of `env`; the switches still work when set before the start.
 */
const yamlProcessEnv = {
  name: 'yaml-process-env',
  setup(build) {
    const shim = fileURLToPath(new URL('./yaml-process.cjs', import.meta.url));
    build.onResolve({ filter: /^(?:node:)?process$/ }, (args) => (/[\\/]node_modules[\\/]yaml[\\/]/.test(args.importer) ? { path: shim } : undefined));
  },
};

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
    plugins: [yamlProcessEnv],
  };
}

/** dist/server.js is a launcher that runs dist/server-main.js from V8's code cache (server/src/lsp/codeCache.ts). */
export const SERVER_ENTRY_POINTS = { server: 'server/src/lsp/launcher.ts', 'server-main': 'server/src/lsp/main.ts' };
/** dist/cli.js, the same kind of launcher, runs dist/cli-main.js. */
export const CLI_ENTRY_POINTS = { cli: 'server/src/cli/launcher.ts', 'cli-main': 'server/src/cli/main.ts' };
