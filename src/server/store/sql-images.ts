/** Repository methods for images, SBOMs, scans, findings and events (both dialects). */
import type { Package } from '../../catalog/types.js';
import type { Finding, Severity } from '../../vuln/match/types.js';
import { eventRow, findingRow, imageRow, inventoryOf, scanRow } from './rows.js';
import { fromJson, num, type Row, type SqlConn, type SqlDb } from './sql.js';
import type { EventRow, ImageDetails, NewEvent, SearchResults, Store } from './types.js';

type ImageMethods = Pick<
  Store,
  | 'upsertImage'
  | 'getImage'
  | 'getImageByRef'
  | 'listImages'
  | 'deleteImage'
  | 'putSbom'
  | 'getSbom'
  | 'getDetails'
  | 'scanHistory'
  | 'search'
  | 'listFindings'
  | 'applyScan'
  | 'listScans'
  | 'addEvents'
  | 'listEvents'
  | 'getEvent'
>;

const now = (): string => new Date().toISOString();

async function insertEvents(c: SqlConn, events: NewEvent[]): Promise<EventRow[]> {
  const out: EventRow[] = [];
  for (const e of events) {
    const r = await c.get<Row>('INSERT INTO events (type, image_id, image_ref, payload, created_at) VALUES (?, ?, ?, ?, ?) RETURNING *', [
      e.type,
      e.imageId,
      e.imageRef,
      JSON.stringify(e.payload),
      e.createdAt ?? now(),
    ]);
    out.push(eventRow(r!));
  }
  return out;
}

/** Image-side methods over a dialect-neutral connection. */
export function imageMethods(db: SqlDb): ImageMethods {
  return {
    async upsertImage(input) {
      const r = await db.get<Row>(
        `INSERT INTO images (ref, digest, source_kind, os_managed_upstream, registered_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (ref) DO UPDATE SET digest = excluded.digest, source_kind = excluded.source_kind, os_managed_upstream = excluded.os_managed_upstream
         RETURNING *`,
        [input.ref, input.digest, input.sourceKind, input.osManagedUpstream, now()],
      );
      return imageRow(r!);
    },
    async getImage(id) {
      const r = await db.get<Row>('SELECT * FROM images WHERE id = ?', [id]);
      return r && imageRow(r);
    },
    async getImageByRef(ref) {
      const r = await db.get<Row>('SELECT * FROM images WHERE ref = ?', [ref]);
      return r && imageRow(r);
    },
    async listImages() {
      const images = (await db.all<Row>('SELECT * FROM images ORDER BY id')).map(imageRow);
      const counts = await db.all<Row>('SELECT image_id, severity, COUNT(*) AS n FROM findings GROUP BY image_id, severity');
      const by = new Map<number, Partial<Record<Severity, number>>>();
      for (const c of counts) {
        const m = by.get(num(c.image_id)) ?? {};
        m[String(c.severity) as Severity] = num(c.n);
        by.set(num(c.image_id), m);
      }
      return images.map((i) => ({ ...i, findings: by.get(i.id) ?? {} }));
    },
    async deleteImage(id) {
      return db.tx(async (c) => {
        // explicit deletes: the SQLite connection has foreign keys on, but do not rely on it
        await c.run('DELETE FROM findings WHERE image_id = ?', [id]);
        await c.run('DELETE FROM scans WHERE image_id = ?', [id]);
        await c.run('DELETE FROM sboms WHERE image_id = ?', [id]);
        await c.run('DELETE FROM image_details WHERE image_id = ?', [id]);
        return (await c.run('DELETE FROM images WHERE id = ?', [id])) > 0;
      });
    },
    async putSbom(imageId, format, inventory, details) {
      await db.tx(async (c) => {
        await c.run(
          `INSERT INTO sboms (image_id, format, inventory, created_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (image_id) DO UPDATE SET format = excluded.format, inventory = excluded.inventory, created_at = excluded.created_at`,
          [imageId, format, JSON.stringify(inventory), now()],
        );
        // an SBOM upload over a scanned image drops the old layers and hardening results: they describe another image
        await c.run('DELETE FROM image_details WHERE image_id = ?', [imageId]);
        if (details)
          await c.run('INSERT INTO image_details (image_id, layers, config_findings, secrets, warnings, scanned_at) VALUES (?, ?, ?, ?, ?, ?)', [
            imageId,
            JSON.stringify(details.layers),
            JSON.stringify(details.configFindings),
            JSON.stringify(details.secrets),
            JSON.stringify(details.warnings),
            details.scannedAt,
          ]);
      });
    },
    async getDetails(imageId) {
      const r = await db.get<Row>('SELECT * FROM image_details WHERE image_id = ?', [imageId]);
      if (!r) return undefined;
      const d: ImageDetails = {
        layers: fromJson(r.layers),
        configFindings: fromJson(r.config_findings),
        secrets: fromJson(r.secrets),
        warnings: fromJson(r.warnings),
        scannedAt: String(r.scanned_at),
      };
      return d;
    },
    async scanHistory(since) {
      const cols = 'image_id, scanned_at, findings, by_severity';
      const rows = since
        ? await db.all<Row>(
            `SELECT ${cols} FROM scans WHERE scanned_at >= ?
             UNION ALL SELECT ${cols} FROM scans WHERE id IN (SELECT MAX(id) FROM scans WHERE scanned_at < ? GROUP BY image_id)
             ORDER BY scanned_at`,
            [since, since],
          )
        : await db.all<Row>(`SELECT ${cols} FROM scans ORDER BY scanned_at, id`);
      return rows.map((r) => ({
        imageId: num(r.image_id),
        time: String(r.scanned_at),
        findings: num(r.findings),
        bySeverity: r.by_severity === null || r.by_severity === undefined ? undefined : fromJson<Partial<Record<Severity, number>>>(r.by_severity),
      }));
    },
    async search(q, limit) {
      const out: SearchResults = { images: [], vulnerabilities: [], packages: [], truncated: false };
      const needle = q.trim();
      if (!needle) return out;
      const like = `%${needle.toUpperCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      const imgs = await db.all<Row>(`SELECT * FROM images WHERE UPPER(ref) LIKE ? ESCAPE '\\' OR UPPER(COALESCE(digest, '')) LIKE ? ESCAPE '\\' ORDER BY ref LIMIT ?`, [like, like, limit + 1]);
      out.images = imgs.slice(0, limit).map(imageRow);
      out.truncated ||= imgs.length > limit;
      const refs = new Map((await db.all<Row>('SELECT id, ref FROM images')).map((r) => [num(r.id), String(r.ref)]));

      // vulnerabilities: the ID, or an alias inside the stored finding (pre-filtered in SQL, checked here)
      const id = needle.toUpperCase();
      const quoted = `%"${id.replace(/[\\%_"]/g, (m) => `\\${m}`)}"%`;
      const vrows = await db.all<Row>(
        `SELECT * FROM findings WHERE UPPER(vuln_id) = ? OR UPPER(CAST(data AS TEXT)) LIKE ? ESCAPE '\\' ORDER BY image_id, vuln_id, pkg LIMIT ?`,
        [id, quoted, 20 * limit],
      );
      for (const r of vrows) {
        const f = fromJson<Finding>(r.data);
        if (String(r.vuln_id).toUpperCase() !== id && !f.aliases.some((a) => a.toUpperCase() === id)) continue;
        if (out.vulnerabilities.length >= limit) {
          out.truncated = true;
          break;
        }
        const imageId = num(r.image_id);
        out.vulnerabilities.push({ imageId, imageRef: refs.get(imageId) ?? '', vulnId: String(r.vuln_id), aliases: f.aliases, severity: String(r.severity) as Severity, package: f.pkg.name, version: f.installedVersion, fixedVersion: f.fixedVersion });
      }

      // packages by name (substring, case-insensitive): SQL narrows the inventories, the names are checked here
      const lower = needle.toLowerCase();
      const sboms = await db.all<Row>(`SELECT image_id, inventory FROM sboms WHERE UPPER(CAST(inventory AS TEXT)) LIKE ? ESCAPE '\\' ORDER BY image_id`, [like]);
      outer: for (const r of sboms) {
        const imageId = num(r.image_id);
        const pkgs = fromJson<{ packages: Package[] }>(r.inventory).packages;
        for (const p of pkgs) {
          if (!p.name.toLowerCase().includes(lower)) continue;
          if (out.packages.length >= limit) {
            out.truncated = true;
            break outer;
          }
          out.packages.push({ imageId, imageRef: refs.get(imageId) ?? '', name: p.name, version: p.version, type: p.type, purl: p.purl });
        }
      }
      return out;
    },
    async getSbom(imageId) {
      const r = await db.get<Row>('SELECT * FROM sboms WHERE image_id = ?', [imageId]);
      return r && { imageId, format: String(r.format), inventory: inventoryOf(r), createdAt: String(r.created_at) };
    },
    async listFindings(imageId) {
      return (await db.all<Row>('SELECT * FROM findings WHERE image_id = ? ORDER BY vuln_id, pkg, path', [imageId])).map(findingRow);
    },
    async applyScan(imageId, scan, findings, events) {
      return db.tx(async (c) => {
        const prev = await c.all<Row>('SELECT vuln_id, pkg, path, first_seen FROM findings WHERE image_id = ?', [imageId]);
        const firstSeen = new Map(prev.map((r) => [`${r.vuln_id}\0${r.pkg}\0${r.path}`, String(r.first_seen)]));
        await c.run('DELETE FROM findings WHERE image_id = ?', [imageId]);
        const seen = new Set<string>();
        for (const f of findings) {
          const key = `${f.vulnId}\0${f.pkg}\0${f.path}`;
          if (seen.has(key)) continue;
          seen.add(key);
          await c.run('INSERT INTO findings (image_id, vuln_id, pkg, path, severity, first_seen, data) VALUES (?, ?, ?, ?, ?, ?, ?)', [
            imageId,
            f.vulnId,
            f.pkg,
            f.path,
            f.severity,
            firstSeen.get(key) ?? f.firstSeen,
            JSON.stringify(f.finding),
          ]);
        }
        const bySeverity: Partial<Record<Severity, number>> = {};
        const counted = new Set<string>();
        for (const f of findings) {
          const key = `${f.vulnId}\0${f.pkg}\0${f.path}`;
          if (counted.has(key)) continue;
          counted.add(key);
          bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
        }
        const s = await c.get<Row>('INSERT INTO scans (image_id, scanned_at, advisory_stamp, reason, findings, by_severity) VALUES (?, ?, ?, ?, ?, ?) RETURNING *', [
          imageId,
          scan.time,
          scan.advisoryStamp,
          scan.trigger,
          seen.size,
          JSON.stringify(bySeverity),
        ]);
        await c.run('UPDATE images SET last_scan_at = ? WHERE id = ?', [scan.time, imageId]);
        return { scan: scanRow(s!), events: await insertEvents(c, events) };
      });
    },
    async listScans(imageId, limit = 100) {
      return (await db.all<Row>('SELECT * FROM scans WHERE image_id = ? ORDER BY id DESC LIMIT ?', [imageId, limit])).map(scanRow);
    },
    async addEvents(events) {
      return db.tx((c) => insertEvents(c, events));
    },
    async listEvents(q) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (q.imageId !== undefined) where.push('image_id = ?') && params.push(q.imageId);
      if (q.type !== undefined) where.push('type = ?') && params.push(q.type);
      if (q.afterId !== undefined) where.push('id > ?') && params.push(q.afterId);
      params.push(Math.min(Math.max(q.limit ?? 100, 1), 1000));
      // with a cursor: oldest first (to page forward); without: the newest
      const order = q.afterId !== undefined ? 'ASC' : 'DESC';
      const sql = `SELECT * FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id ${order} LIMIT ?`;
      return (await db.all<Row>(sql, params)).map(eventRow);
    },
    async getEvent(id) {
      const r = await db.get<Row>('SELECT * FROM events WHERE id = ?', [id]);
      return r && eventRow(r);
    },
  };
}
