/**
 * Webhook payloads and signing. Every request carries
 *   X-Bulwark-Timestamp: <unix seconds>
 *   X-Bulwark-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>
 * so a receiver can check both integrity and freshness (replays older than a few minutes are
 * rejected on its side). The Slack format is `{text, blocks}`, what Slack incoming webhooks and
 * Slack-compatible receivers (Mattermost, Rocket.Chat) accept.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EventRow, WebhookFormat } from '../store/types.js';

export const SIGNATURE_HEADER = 'x-bulwark-signature';
export const TIMESTAMP_HEADER = 'x-bulwark-timestamp';

/** `sha256=<hex>` over "<timestamp>.<body>". */
export function signBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Receiver-side check (used by tests and documented for users); constant-time compare. */
export function verifySignature(secret: string, timestamp: string, body: string, header: string | undefined, opts: { now?: number; toleranceSec?: number } = {}): boolean {
  if (!header || !/^\d+$/.test(timestamp)) return false;
  const age = Math.abs((opts.now ?? Date.now()) / 1000 - Number(timestamp));
  if (age > (opts.toleranceSec ?? 300)) return false;
  const want = Buffer.from(signBody(secret, timestamp, body));
  const got = Buffer.from(header);
  return want.length === got.length && timingSafeEqual(want, got);
}

/** One line describing an event, for chat payloads. */
export function eventText(e: EventRow): string {
  const p = e.payload as Record<string, unknown>;
  const img = e.imageRef ?? (e.imageId !== undefined ? `image ${e.imageId}` : 'Bulwark');
  switch (e.type) {
    case 'vulnerability.new':
      return `New ${p.severity} vulnerability ${p.vulnId} in ${img}: ${p.package} ${p.version}${p.fixedVersion ? ` (fixed in ${p.fixedVersion})` : ''}`;
    case 'vulnerability.resolved':
      return `Resolved: ${p.vulnId} no longer affects ${img} (${p.package} ${p.version})`;
    case 'os.eol':
      return `${img}: its OS ${p.os} reached end of life${p.eolDate ? ` on ${p.eolDate}` : ''}`;
    case 'policy.failing':
      return `${img} now fails policy${p.policy ? ` ${p.policy}` : ''}`;
    case 'image.registered':
      return `${img} registered (${p.findings ?? 0} findings)`;
    default:
      return `${e.type}: ${img}`;
  }
}

/** The JSON body for a webhook of `format`. */
export function renderPayload(format: WebhookFormat, e: EventRow): string {
  if (format === 'slack') {
    const text = eventText(e);
    return JSON.stringify({ text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }, { type: 'context', elements: [{ type: 'mrkdwn', text: `${e.type} · event ${e.id} · ${e.createdAt}` }] }] });
  }
  return JSON.stringify({ id: e.id, type: e.type, createdAt: e.createdAt, image: e.imageId !== undefined || e.imageRef ? { id: e.imageId, ref: e.imageRef } : undefined, data: e.payload });
}
