/**
 * TypeScript shape of an OSV record (ossf/osv-schema, 1.7). Only what Bulwark reads is typed
 * precisely; the free-form `*_specific` objects stay `Record<string, unknown>`.
 */

/** One event of a range: exactly one of the four keys is set. */
export interface OsvEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

/** A version range: SEMVER, ECOSYSTEM or GIT (with `repo`). */
export interface OsvRange {
  type: string;
  repo?: string;
  events: OsvEvent[];
  database_specific?: Record<string, unknown>;
}

/** A severity score: `CVSS_V3` vector, `Ubuntu` priority, and so on. */
export interface OsvSeverity {
  type: string;
  score: string;
}

/** The package an `affected[]` entry is about, as the advisory writes it. */
export interface OsvPackage {
  ecosystem: string;
  name: string;
  purl?: string;
}

/** One `affected[]` entry. */
export interface OsvAffected {
  package?: OsvPackage;
  severity?: OsvSeverity[];
  ranges?: OsvRange[];
  versions?: string[];
  ecosystem_specific?: Record<string, unknown>;
  database_specific?: Record<string, unknown>;
}

/** A reference link. */
export interface OsvReference {
  type: string;
  url: string;
}

/** A credit line. */
export interface OsvCredit {
  name: string;
  contact?: string[];
  type?: string;
}

/** One OSV advisory. `id` and `modified` are the only required fields. */
export interface OsvRecord {
  schema_version?: string;
  id: string;
  modified: string;
  published?: string;
  withdrawn?: string;
  aliases?: string[];
  upstream?: string[];
  related?: string[];
  summary?: string;
  details?: string;
  severity?: OsvSeverity[];
  affected?: OsvAffected[];
  references?: OsvReference[];
  credits?: OsvCredit[];
  database_specific?: Record<string, unknown>;
}

/** What the store returns: the parsed OSV record, as imported. */
export type AdvisoryRecord = OsvRecord;
