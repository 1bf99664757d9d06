/**
 * Webhook delivery: events become one pending delivery per matching webhook (stored, so they
 * survive a restart), a poller sends the due ones, failures are retried with exponential backoff
 * (base · 2^(attempt-1), capped) and after the last allowed attempt the delivery is kept as a
 * dead letter (status "dead", with the last error) for an operator to inspect.
 */
import type { FastifyBaseLogger } from 'fastify';
import { errorMessage } from '../../shared/errors.js';
import type { DeliveryRow, EventRow, Store, WebhookRow } from '../store/types.js';
import { renderPayload, signBody, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './webhook.js';

export interface DeliveryPolicy {
  /** attempts in all, the first included (default 6) */
  maxAttempts: number;
  /** delay before the first retry (default 30 s); doubled for each further one */
  baseDelayMs: number;
  maxDelayMs: number;
  /** per request (default 10 s) */
  timeoutMs: number;
  /** how often due deliveries are looked for (default 5 s) */
  pollMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = { maxAttempts: 6, baseDelayMs: 30_000, maxDelayMs: 3_600_000, timeoutMs: 10_000, pollMs: 5_000 };

export interface Dispatcher {
  /** Queues the events for every enabled webhook that wants them, then sends at once. */
  enqueue(events: EventRow[]): Promise<void>;
  /** Sends what is due now; resolves when this round is done. */
  runDue(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

/** Delay before retry number `attempt` (1-based count of failures so far). */
export function backoffMs(policy: DeliveryPolicy, attempts: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

function wants(w: WebhookRow, e: EventRow): boolean {
  return w.enabled && (w.events.length === 0 || w.events.includes(e.type) || w.events.some((t) => t.endsWith('.*') && e.type.startsWith(t.slice(0, -1))));
}

/** Creates the dispatcher; `onResult` feeds metrics. */
export function createDispatcher(store: Store, policy: DeliveryPolicy, log: FastifyBaseLogger, onResult: (status: 'delivered' | 'retry' | 'dead') => void = () => {}): Dispatcher {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  async function send(w: WebhookRow, e: EventRow): Promise<{ ok: boolean; status?: number; error?: string }> {
    const body = renderPayload(w.format, e);
    const ts = String(Math.floor(Date.now() / 1000));
    try {
      const res = await fetch(w.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(policy.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'bulwark-server',
          [TIMESTAMP_HEADER]: ts,
          [SIGNATURE_HEADER]: signBody(w.secret, ts, body),
          'x-bulwark-event': e.type,
          'x-bulwark-delivery': String(e.id),
        },
        body,
      });
      await res.body?.cancel().catch(() => {});
      return res.status >= 200 && res.status < 300 ? { ok: true, status: res.status } : { ok: false, status: res.status, error: `HTTP ${res.status}` };
    } catch (err) {
      return { ok: false, error: errorMessage((err as { cause?: unknown }).cause ?? err) };
    }
  }

  async function attempt(d: DeliveryRow): Promise<void> {
    const [w, e] = await Promise.all([store.getWebhook(d.webhookId), store.getEvent(d.eventId)]);
    const at = new Date().toISOString();
    if (!w || !e) {
      await store.updateDelivery(d.id, { status: 'dead', attempts: d.attempts, nextAttemptAt: at, lastError: 'webhook or event no longer exists' }, at);
      return;
    }
    const r = await send(w, e);
    const attempts = d.attempts + 1;
    const done = new Date().toISOString();
    if (r.ok) {
      await store.updateDelivery(d.id, { status: 'delivered', attempts, nextAttemptAt: done, lastStatus: r.status }, done);
      onResult('delivered');
      return;
    }
    const dead = attempts >= policy.maxAttempts;
    const next = new Date(Date.now() + backoffMs(policy, attempts)).toISOString();
    await store.updateDelivery(d.id, { status: dead ? 'dead' : 'pending', attempts, nextAttemptAt: dead ? done : next, lastError: r.error, lastStatus: r.status }, done);
    onResult(dead ? 'dead' : 'retry');
    log[dead ? 'warn' : 'info']({ webhook: w.id, event: e.id, attempts, error: r.error }, dead ? 'webhook delivery dead-lettered' : 'webhook delivery failed, will retry');
  }

  async function round(): Promise<void> {
    do {
      again = false;
      for (let batch = 0; batch < 50 && !stopped; batch++) {
        const due = await store.dueDeliveries(new Date().toISOString(), 20);
        if (due.length === 0) break;
        await Promise.all(due.map((d) => attempt(d).catch((err) => log.error({ err, delivery: d.id }, 'webhook delivery crashed'))));
      }
    } while (again && !stopped);
  }

  const runDue = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = round()
      .catch((err) => log.error({ err }, 'webhook round failed'))
      .finally(() => (running = undefined));
    return running;
  };

  return {
    async enqueue(events) {
      if (events.length === 0) return;
      const hooks = await store.listWebhooks();
      const pairs = events.flatMap((e) => hooks.filter((w) => wants(w, e)).map((w) => ({ webhookId: w.id, eventId: e.id })));
      if ((await store.enqueueDeliveries(pairs, new Date().toISOString())) > 0) void runDue();
    },
    runDue,
    start() {
      stopped = false;
      timer = setInterval(() => void runDue(), policy.pollMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
