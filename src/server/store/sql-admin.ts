/** Repository methods for tokens, webhooks, deliveries, registry watches, metadata and stats. */
import type { Severity } from '../../vuln/match/types.js';
import { deliveryRow, tokenRow, watchRow, webhookRow } from './rows.js';
import { num, type Row, type SqlDb } from './sql.js';
import type { DeliveryStatus, Store } from './types.js';

type AdminMethods = Pick<
  Store,
  | 'createToken'
  | 'findTokenByHash'
  | 'listTokens'
  | 'revokeToken'
  | 'touchToken'
  | 'createWebhook'
  | 'listWebhooks'
  | 'getWebhook'
  | 'deleteWebhook'
  | 'enqueueDeliveries'
  | 'dueDeliveries'
  | 'updateDelivery'
  | 'listDeliveries'
  | 'createWatch'
  | 'listWatches'
  | 'deleteWatch'
  | 'touchWatch'
  | 'stats'
  | 'getMeta'
  | 'setMeta'
>;

const now = (): string => new Date().toISOString();

/** Admin-side methods over a dialect-neutral connection. */
export function adminMethods(db: SqlDb): AdminMethods {
  return {
    async createToken(input) {
      const r = await db.get<Row>('INSERT INTO tokens (name, role, hash, created_at) VALUES (?, ?, ?, ?) RETURNING *', [input.name, input.role, input.hash, now()]);
      return tokenRow(r!);
    },
    async findTokenByHash(hash) {
      const r = await db.get<Row>('SELECT * FROM tokens WHERE hash = ?', [hash]);
      return r && tokenRow(r);
    },
    async listTokens() {
      return (await db.all<Row>('SELECT * FROM tokens ORDER BY id')).map(tokenRow);
    },
    async revokeToken(id) {
      return (await db.run('UPDATE tokens SET revoked = ? WHERE id = ?', [true, id])) > 0;
    },
    async touchToken(id, at) {
      await db.run('UPDATE tokens SET last_used_at = ? WHERE id = ?', [at, id]);
    },

    async createWebhook(input) {
      const r = await db.get<Row>('INSERT INTO webhooks (url, secret, format, events, enabled, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING *', [
        input.url,
        input.secret,
        input.format,
        JSON.stringify(input.events),
        input.enabled,
        now(),
      ]);
      return webhookRow(r!);
    },
    async listWebhooks() {
      return (await db.all<Row>('SELECT * FROM webhooks ORDER BY id')).map(webhookRow);
    },
    async getWebhook(id) {
      const r = await db.get<Row>('SELECT * FROM webhooks WHERE id = ?', [id]);
      return r && webhookRow(r);
    },
    async deleteWebhook(id) {
      return db.tx(async (c) => {
        await c.run('DELETE FROM deliveries WHERE webhook_id = ?', [id]);
        return (await c.run('DELETE FROM webhooks WHERE id = ?', [id])) > 0;
      });
    },

    async enqueueDeliveries(pairs, at) {
      if (pairs.length === 0) return 0;
      return db.tx(async (c) => {
        let n = 0;
        for (const p of pairs) {
          n += await c.run(
            `INSERT INTO deliveries (webhook_id, event_id, status, attempts, next_attempt_at, created_at, updated_at) VALUES (?, ?, 'pending', 0, ?, ?, ?)
             ON CONFLICT (webhook_id, event_id) DO NOTHING`,
            [p.webhookId, p.eventId, at, at, at],
          );
        }
        return n;
      });
    },
    async dueDeliveries(at, limit) {
      return (await db.all<Row>(`SELECT * FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`, [at, limit])).map(deliveryRow);
    },
    async updateDelivery(id, p, at) {
      await db.run('UPDATE deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, last_status = ?, updated_at = ? WHERE id = ?', [
        p.status,
        p.attempts,
        p.nextAttemptAt,
        p.lastError,
        p.lastStatus,
        at,
        id,
      ]);
    },
    async listDeliveries(q) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (q.webhookId !== undefined) where.push('webhook_id = ?') && params.push(q.webhookId);
      if (q.status !== undefined) where.push('status = ?') && params.push(q.status);
      params.push(Math.min(Math.max(q.limit ?? 100, 1), 1000));
      return (await db.all<Row>(`SELECT * FROM deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`, params)).map(deliveryRow);
    },

    async createWatch(input) {
      const r = await db.get<Row>(
        `INSERT INTO watches (repository, tag_pattern, os_managed_upstream, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (repository, tag_pattern) DO UPDATE SET os_managed_upstream = excluded.os_managed_upstream RETURNING *`,
        [input.repository, input.tagPattern, input.osManagedUpstream, now()],
      );
      return watchRow(r!);
    },
    async listWatches() {
      return (await db.all<Row>('SELECT * FROM watches ORDER BY id')).map(watchRow);
    },
    async deleteWatch(id) {
      return (await db.run('DELETE FROM watches WHERE id = ?', [id])) > 0;
    },
    async touchWatch(id, at, error) {
      await db.run('UPDATE watches SET last_polled_at = ?, last_error = ? WHERE id = ?', [at, error, id]);
    },

    async stats() {
      const images = num((await db.get<Row>('SELECT COUNT(*) AS n FROM images'))!.n);
      const findings: Partial<Record<Severity, number>> = {};
      for (const r of await db.all<Row>('SELECT severity, COUNT(*) AS n FROM findings GROUP BY severity')) findings[String(r.severity) as Severity] = num(r.n);
      const deliveries: Partial<Record<DeliveryStatus, number>> = {};
      for (const r of await db.all<Row>('SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status')) deliveries[String(r.status) as DeliveryStatus] = num(r.n);
      return { images, findings, deliveries };
    },
    async getMeta(key) {
      const r = await db.get<Row>('SELECT value FROM meta WHERE key = ?', [key]);
      return r ? String(r.value) : undefined;
    },
    async setMeta(key, value) {
      await db.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
    },
  };
}
