/**
 * Webhook deliveries claimed exactly once among many processes: the due rows are selected
 * FOR UPDATE SKIP LOCKED and, in the same statement, leased (next_attempt_at pushed forward by the
 * lease), so no other poller sees them. The dispatcher then records the outcome as usual, which
 * replaces the lease. A process that dies mid-send leaves the lease to run out: the delivery is
 * sent again (at-least-once; receivers dedupe on X-Bulwark-Delivery).
 */
import { deliveryRow } from '../store/rows.js';
import type { Row, SqlDb } from '../store/sql.js';
import type { Store } from '../store/types.js';

/** The store with a claiming dueDeliveries (for createDispatcher). */
export function claimingStore(store: Store, db: SqlDb, leaseMs: number): Store {
  return {
    ...store,
    async dueDeliveries(now, limit) {
      const lease = new Date(Date.parse(now) + leaseMs).toISOString();
      const rows = await db.all<Row>(
        `UPDATE deliveries SET next_attempt_at = ?, updated_at = ?
         WHERE id IN (SELECT id FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [lease, now, now, limit],
      );
      return rows.map(deliveryRow).sort((a, b) => a.id - b.id);
    },
  };
}
