/** Public API of the advisory database. */
export { openAdvisoryDb, type AdvisoryDb, type AffectedHit, type LookupOptions } from './store.js';
export { importAdvisories, type ImportOptions, type ImportResult } from './import.js';
export { updateAdvisories, resolveBaseUrl, DEFAULT_DB_URL, type UpdateOptions, type UpdateResult, type EcosystemUpdate } from './update.js';
export { dbFreshness, DEFAULT_MAX_AGE_HOURS, type DbFreshness, type DbStatus, type SourceStatus } from './status.js';
export { dbPath } from './schema.js';
export { baseEcosystem, normalizePackageName } from './ecosystem.js';
export { validateOsv } from './osv-schema.js';
export type * from './osv-types.js';
