/**
 * Validation of untrusted OSV records (advisory feeds are attacker-controlled input).
 * The checks cover every field the store and the matchers read; unknown fields pass through.
 * Only validity is taken from zod: the store keeps the object JSON.parse produced, so the
 * record is walked once by the validator and never copied.
 */
import { z } from 'zod';
import type { OsvRecord } from './osv-types.js';

const MAX_STR = 64 * 1024;
const MAX_TEXT = 1024 * 1024;
const MAX_LIST = 100_000;

/** OSV ids: 'GHSA-…', 'PYSEC-2022-1', 'ALSA-2022:1234', 'DEBIAN-CVE-2023-1'. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._:+-]{0,199}$/;
/** RFC 3339 timestamp as OSV writes it (UTC 'Z' or an offset; fractional seconds allowed). */
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

const str = z.string().max(MAX_STR);
const id = z.string().regex(ID);
const time = z.string().regex(TIME);
const obj = z.record(z.string(), z.unknown());
const severity = z.array(z.looseObject({ type: str, score: str })).max(100);

const event = z
  .looseObject({ introduced: str.optional(), fixed: str.optional(), last_affected: str.optional(), limit: str.optional() })
  .refine((e) => [e.introduced, e.fixed, e.last_affected, e.limit].filter((v) => v !== undefined).length === 1, {
    message: 'an event needs exactly one of introduced, fixed, last_affected, limit',
  });

const range = z.looseObject({
  type: z.enum(['SEMVER', 'ECOSYSTEM', 'GIT']),
  repo: str.optional(),
  events: z.array(event).min(1).max(MAX_LIST),
  database_specific: obj.optional(),
});

const affected = z.looseObject({
  package: z
    .looseObject({ ecosystem: z.string().min(1).max(200), name: z.string().min(1).max(1000), purl: str.optional() })
    .optional(),
  severity: severity.optional(),
  ranges: z.array(range).max(10_000).optional(),
  versions: z.array(str).max(MAX_LIST).optional(),
  ecosystem_specific: obj.optional(),
  database_specific: obj.optional(),
});

const record = z.looseObject({
  schema_version: str.optional(),
  id,
  modified: time,
  published: time.optional(),
  withdrawn: time.optional(),
  aliases: z.array(str).max(10_000).nullish(),
  upstream: z.array(str).max(10_000).nullish(),
  related: z.array(str).max(10_000).nullish(),
  summary: z.string().max(MAX_TEXT).optional(),
  details: z.string().max(MAX_TEXT).optional(),
  severity: severity.nullish(),
  affected: z.array(affected).max(MAX_LIST).nullish(),
  references: z.array(z.looseObject({ type: str, url: str })).max(MAX_LIST).nullish(),
  credits: z.array(z.looseObject({ name: str })).max(10_000).nullish(),
  database_specific: obj.nullish(),
});

/** Result of validating one record: the record, or the first problem found (for debug output). */
export type OsvValidation = { ok: true; record: OsvRecord } | { ok: false; reason: string };

/** Validates a parsed JSON value as an OSV record. Never throws. */
export function validateOsv(value: unknown): OsvValidation {
  const res = record.safeParse(value);
  if (res.success) return { ok: true, record: value as OsvRecord };
  const issue = res.error.issues[0];
  const where = issue ? issue.path.join('.') : '';
  return { ok: false, reason: `${where ? where + ': ' : ''}${issue?.message ?? 'invalid'}` };
}
