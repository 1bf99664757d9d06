/**
 * Exactly-once effect for at-least-once jobs. A job may run twice (its worker died after writing
 * but before telling the queue; or it outlived its expiry and was handed to another worker), so
 * the write of its result — findings replacement, scan row, events — happens in one transaction
 * that first claims the job's row in bulwark_job_applies. A second attempt finds the row taken and
 * gets back the first attempt's scan and events instead of writing again (its webhook deliveries
 * are then re-enqueued, which the (webhook, event) unique key makes a no-op).
 *
 * The findings write itself is the store's own applyScan, run inside our transaction.
 */
import { eventRow, scanRow } from '../store/rows.js';
import { imageMethods } from '../store/sql-images.js';
import { fromJson, type Row, type SqlConn, type SqlDb } from '../store/sql.js';
import type { AppliedScan, FindingRow, NewEvent, Store } from '../store/types.js';

type ScanInput = Parameters<Store['applyScan']>[1];

/** A SqlDb whose statements and "transactions" all run on one open transaction. */
function within(c: SqlConn, dialect: SqlDb['dialect']): SqlDb {
  return { dialect, all: (s, p) => c.all(s, p), get: (s, p) => c.get(s, p), run: (s, p) => c.run(s, p), exec: (s) => c.exec(s), tx: (fn) => fn(c), close: async () => {} };
}

/** Applies a scan for job `jobId` once; a repeated call returns the first application. */
export async function applyOnce(db: SqlDb, jobId: string, imageId: number, scan: ScanInput, findings: FindingRow[], events: NewEvent[]): Promise<AppliedScan & { repeated: boolean }> {
  return db.tx(async (c) => {
    const claimed = await c.run('INSERT INTO bulwark_job_applies (job_id, image_id, applied_at) VALUES (?, ?, ?) ON CONFLICT (job_id) DO NOTHING', [jobId, imageId, new Date().toISOString()]);
    if (claimed === 0) return { ...(await previous(c, jobId, imageId, scan)), repeated: true };
    const applied = await imageMethods(within(c, db.dialect)).applyScan(imageId, scan, findings, events);
    await c.run('UPDATE bulwark_job_applies SET scan_id = ?, event_ids = ? WHERE job_id = ?', [applied.scan.id, JSON.stringify(applied.events.map((e) => e.id)), jobId]);
    return { ...applied, repeated: false };
  });
}

/** What the first application of `jobId` wrote (the scan may since have been deleted with its image). */
async function previous(c: SqlConn, jobId: string, imageId: number, scan: ScanInput): Promise<AppliedScan> {
  const rec = await c.get<Row>('SELECT scan_id, event_ids FROM bulwark_job_applies WHERE job_id = ?', [jobId]);
  const ids = fromJson<number[]>(rec?.event_ids ?? '[]');
  const s = rec?.scan_id != null ? await c.get<Row>('SELECT * FROM scans WHERE id = ?', [rec.scan_id]) : undefined;
  const events = ids.length ? (await c.all<Row>(`SELECT * FROM events WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`, ids)).map(eventRow) : [];
  return { scan: s ? scanRow(s) : { id: 0, imageId, time: scan.time, advisoryStamp: scan.advisoryStamp, trigger: scan.trigger, findings: 0 }, events };
}

/** The store as seen by one job: applyScan goes through applyOnce under the job's id. */
export function storeForJob(store: Store, db: SqlDb, jobId: string, onRepeat?: () => void): Store {
  return {
    ...store,
    async applyScan(imageId, scan, findings, events) {
      const out = await applyOnce(db, jobId, imageId, scan, findings, events);
      if (out.repeated) onRepeat?.();
      return { scan: out.scan, events: out.events };
    },
  };
}
