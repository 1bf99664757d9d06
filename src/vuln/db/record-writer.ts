/**
 * Writes validated OSV records of one source into an open build. The rule on conflicts is
 * "newer `modified` wins": a record whose id is already stored with the same or a later
 * `modified` is kept as is (so duplicate copies inside one feed are harmless).
 */
import { deflateRawSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import type { SourceInfo } from './builder.js';
import { baseEcosystem, normalizePackageName } from './ecosystem.js';
import { validateOsv } from './osv-schema.js';
import type { OsvRecord } from './osv-types.js';

/** Figures of one source after a build. */
export interface SourceStats {
  /** valid records read (written or kept) */
  records: number;
  /** records written (new, or newer than the stored copy) */
  written: number;
  /** invalid records skipped */
  invalid: number;
  /** stored records of this source that the new feed no longer has, removed */
  pruned: number;
  /** valid records per base ecosystem */
  counts: Record<string, number>;
  /** the first few reasons records were skipped, for debug output */
  samples: string[];
}

/** Adds records of one source; finish() records the source and its figures. */
export interface RecordWriter {
  /** Validates and stores one parsed JSON value. */
  add(value: unknown, origin: string): 'written' | 'kept' | 'invalid';
  /** Counts a record that could not even be read (not JSON, too large). */
  invalid(origin: string, reason: string): void;
  stats(): SourceStats;
  /** Writes the source row; with prune, deletes this source's records that were not seen. */
  finish(opts: { prune: boolean }): SourceStats;
}

const NULLABLE_FIELDS = ['aliases', 'upstream', 'related', 'severity', 'affected', 'references', 'credits', 'database_specific'] as const;

function newer(a: string, b: string): boolean {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return Number.isNaN(ta) || Number.isNaN(tb) ? a > b : ta > tb;
}

/**
 * The stored form of a record minus affected[]: JSON text when small, deflated when over
 * RAW_DEFLATE_MIN. Most are under 1 KiB, where a per-call inflate costs more than it saves;
 * the few large ones (long details, many references) shrink 5x. Readers tell them apart by type.
 */
export const RAW_DEFLATE_MIN = 4096;

function encodeRaw(text: string): string | Buffer {
  return text.length > RAW_DEFLATE_MIN ? deflateRawSync(text) : text;
}

function json(v: unknown): string | null {
  return v === undefined ? null : JSON.stringify(v);
}

/** A writer for `source` over the open (in-transaction) build database. */
export function createRecordWriter(db: Database.Database, source: SourceInfo): RecordWriter {
  const getAdv = db.prepare('SELECT modified FROM advisories WHERE id = ?').pluck();
  const delAdv = db.prepare('DELETE FROM advisories WHERE id = ?');
  const delAff = db.prepare('DELETE FROM affected WHERE id = ?');
  const delAli = db.prepare('DELETE FROM aliases WHERE id = ?');
  const insAdv = db.prepare(
    'INSERT INTO advisories (id, modified, published, withdrawn, summary, aliases, upstream, severity, database_specific, source, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insAff = db.prepare('INSERT INTO affected (id, idx, ecosystem, base, name, entry) VALUES (?, ?, ?, ?, ?, ?)');
  const insAli = db.prepare('INSERT OR IGNORE INTO aliases (alias, id, kind) VALUES (?, ?, ?)');
  const stats: SourceStats = { records: 0, written: 0, invalid: 0, pruned: 0, counts: {}, samples: [] };
  const seen = new Set<string>();
  db.prepare(
    `INSERT INTO sources (key, kind, location, imported_at, records, invalid, counts) VALUES (?, ?, ?, '', 0, 0, '{}') ON CONFLICT (key) DO NOTHING`,
  ).run(source.key, source.kind, source.location);
  const sid = db.prepare('SELECT sid FROM sources WHERE key = ?').pluck().get(source.key) as number;

  const remove = (id: string): void => {
    delAdv.run(id);
    delAff.run(id);
    delAli.run(id);
  };

  const insert = (rec: OsvRecord): void => {
    const { affected, ...rest } = rec;
    const aliases = rec.aliases ?? [];
    const upstream = rec.upstream ?? [];
    insAdv.run(
      rec.id, rec.modified, rec.published ?? null, rec.withdrawn ?? null, rec.summary ?? null,
      JSON.stringify(aliases), JSON.stringify(upstream), json(rec.severity), json(rec.database_specific),
      sid, encodeRaw(JSON.stringify(rest)),
    );
    for (const a of aliases) if (a !== rec.id) insAli.run(a, rec.id, 'alias');
    for (const a of upstream) if (a !== rec.id) insAli.run(a, rec.id, 'upstream');
    let idx = 0;
    for (const entry of affected ?? []) {
      const eco = entry.package?.ecosystem ?? '';
      const name = entry.package ? normalizePackageName(eco, entry.package.name) : '';
      insAff.run(rec.id, idx++, eco, baseEcosystem(eco), name, JSON.stringify(entry));
    }
  };

  const invalid = (origin: string, reason: string): void => {
    stats.invalid++;
    if (stats.samples.length < 5) stats.samples.push(`${origin}: ${reason}`);
  };

  return {
    invalid,
    add(value, origin) {
      const v = validateOsv(value);
      if (!v.ok) {
        invalid(origin, v.reason);
        return 'invalid';
      }
      const rec = v.record;
      const loose = rec as unknown as Record<string, unknown>;
      for (const f of NULLABLE_FIELDS) if (loose[f] === null) delete loose[f];
      stats.records++;
      seen.add(rec.id);
      const bases = new Set<string>();
      for (const a of rec.affected ?? []) if (a.package) bases.add(baseEcosystem(a.package.ecosystem));
      for (const b of bases) stats.counts[b] = (stats.counts[b] ?? 0) + 1;
      const stored = getAdv.get(rec.id) as string | undefined;
      if (stored !== undefined && !newer(rec.modified, stored)) return 'kept';
      if (stored !== undefined) remove(rec.id);
      insert(rec);
      stats.written++;
      return 'written';
    },
    stats: () => stats,
    finish({ prune }) {
      if (prune) {
        const ids = db.prepare('SELECT id FROM advisories WHERE source = ?').pluck().all(sid) as string[];
        for (const id of ids) {
          if (seen.has(id)) continue;
          remove(id);
          stats.pruned++;
        }
      }
      db.prepare(
        'UPDATE sources SET kind = ?, location = ?, imported_at = ?, etag = ?, last_modified = ?, records = ?, invalid = ?, counts = ? WHERE sid = ?',
      ).run(
        source.kind, source.location, new Date().toISOString(), source.etag ?? null, source.lastModified ?? null,
        stats.records, stats.invalid, JSON.stringify(stats.counts), sid,
      );
      return stats;
    },
  };
}
