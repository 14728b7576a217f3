// The core is a pure language service: no Node built-ins, no editor or LSP runtime.
// Hosts (lsp/, cli/, client/) give it text, settings and catalogs.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`]);

export default tseslint.config(
  { ignores: ['dist/**', 'media/dist/**', 'node_modules/**', '.tools/**', '.e2e/**', 'out/**', 'bench/out/**', '.scratch/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {},
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          ...nodeBuiltins.map((name) => ({ name, message: 'The core is pure: no Node.js built-ins. Let the host pass data in.' })),
          { name: 'vscode', message: 'The core must not depend on the editor.' },
          { name: 'vscode-languageserver', message: 'The core must not know its transport; import types from vscode-languageserver-types.' },
          { name: 'vscode-languageserver/node', message: 'The core must not know its transport.' },
          { name: 'vscode-languageclient', message: 'The core must not depend on the client.' },
          { name: 'vscode-languageclient/node', message: 'The core must not depend on the client.' },
        ],
      }],
    },
  },
);
