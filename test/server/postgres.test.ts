/** The same store contract and API suite on PostgreSQL: a throwaway cluster started for this file. */
import { after, before } from 'node:test';
import { openStore } from '../../src/server/store/index.js';
import { POSTGRES_SKIP, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { apiSuite } from './api-suite.js';
import { storeSuite } from './store-suite.js';

let pg: TestPostgres | undefined;
let n = 0;

if (POSTGRES_SKIP) process.stderr.write(`# ${POSTGRES_SKIP}\n`);
else {
  before(async () => {
    pg = await startPostgres();
  });
  after(async () => {
    await pg?.stop();
  });
}

/** A fresh database on the cluster for each suite. */
const open = async () => openStore(await pg!.createDatabase(`bulwark_${process.pid}_${++n}`));

storeSuite('PostgreSQL', open, POSTGRES_SKIP);
apiSuite('PostgreSQL', open, POSTGRES_SKIP);
