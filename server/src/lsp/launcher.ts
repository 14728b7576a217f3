import * as path from 'node:path';
import { runFromCodeCache } from './codeCache';

/**
 * dist/server.js as packaged: a few lines that run the server bundle (dist/server-main.js)
 * from V8's code cache. Node compiles only this file before it; the bundle run directly
 * (dist/server-main.js) would first be compiled whole just to load itself again from the cache.
 */
const bundle = path.join(__dirname, 'server-main.js');
if (!runFromCodeCache(bundle, module, require)) throw new Error(`Role Blueprint language server: cannot read ${bundle}`);
