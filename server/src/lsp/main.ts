import { runFromCodeCache } from './codeCache';

/** Makes the connection (the transport, --stdio, --node-ipc, --socket=N or --pipe=NAME, is read from argv) and serves it. */
function main(): void {
  // Required here, not imported: the outer run of the bundle (see codeCache.ts) must not load them.
  const { createConnection, ProposedFeatures } = require('vscode-languageserver/node') as typeof import('vscode-languageserver/node');
  const { startServer } = require('./server') as typeof import('./server');
  const connection = createConnection(ProposedFeatures.all);

  // stdout may be the LSP channel: everything printed goes to the client's output instead.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.info = console.log;
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));

  process.on('unhandledRejection', (reason) => {
    connection.console.error(`roleBlueprint: unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
  });

  startServer(connection);
}

// Bundled (dist/server.js), the server runs from V8's code cache; from sources (tests), directly.
if (!(__filename.endsWith('.js') && runFromCodeCache(__filename, module, require))) main();
