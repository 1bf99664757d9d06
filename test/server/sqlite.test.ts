/** The server's store contract and API suite on the embedded SQLite store. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/server/store/index.js';
import { apiSuite } from './api-suite.js';
import { storeSuite } from './store-suite.js';

let n = 0;
const open = async () => openStore(join(await mkdtemp(join(tmpdir(), 'bulwark-srv-sqlite-')), `server-${++n}.db`));

storeSuite('SQLite', open);
apiSuite('SQLite', open);
