import * as path from 'node:path';
import { runFromCodeCache } from '../lsp/codeCache';

/**
 * dist/cli.js as packaged: a few lines that run the CLI bundle (dist/cli-main.js) from V8's
 * code cache, as dist/server.js runs the server's (see lsp/codeCache.ts). Every `check` in a
 * pipeline is a cold start; from the cache it skips compiling the parser, rules and schema.
 */
const bundle = path.join(__dirname, 'cli-main.js');
if (!runFromCodeCache(bundle, module, require)) throw new Error(`role-blueprint: cannot read ${bundle}`);
