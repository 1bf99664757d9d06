/**
 * Prometheus metrics (prom-client, one registry per server instance): HTTP requests and latency by
 * route, images, current findings by severity, webhook deliveries by status, advisory database age,
 * jobs and matches. Gauges from the store are read when /metrics is scraped.
 */
import client from 'prom-client';
import { dbFreshness } from '../vuln/db/index.js';
import type { Store } from './store/types.js';

export interface Metrics {
  registry: client.Registry;
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  job(job: string, result: 'ok' | 'error'): void;
  matched(trigger: string): void;
  delivery(result: 'delivered' | 'retry' | 'dead'): void;
}

/** Creates the registry and its metrics. */
export function createMetrics(store: Store, cacheDir: string): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'bulwark_process_' });
  const requests = new client.Counter({ name: 'bulwark_http_requests_total', help: 'HTTP requests by method, route and status', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const latency = new client.Histogram({
    name: 'bulwark_http_request_duration_seconds',
    help: 'HTTP request latency by method and route',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const jobs = new client.Counter({ name: 'bulwark_jobs_total', help: 'Jobs run, by job and result', labelNames: ['job', 'result'], registers: [registry] });
  const matches = new client.Counter({ name: 'bulwark_image_matches_total', help: 'Image matches against the advisory database, by trigger', labelNames: ['trigger'], registers: [registry] });
  const sends = new client.Counter({ name: 'bulwark_webhook_attempts_total', help: 'Webhook delivery attempts, by result', labelNames: ['result'], registers: [registry] });
  let cached: { at: number; value: Awaited<ReturnType<Store['stats']>> } | undefined;
  const stats = async (): Promise<Awaited<ReturnType<Store['stats']>>> => {
    if (!cached || Date.now() - cached.at > 1000) cached = { at: Date.now(), value: await store.stats() };
    return cached.value;
  };
  new client.Gauge({
    name: 'bulwark_images',
    help: 'Images monitored',
    registers: [registry],
    async collect() {
      this.set((await stats()).images);
    },
  });
  new client.Gauge({
    name: 'bulwark_findings',
    help: 'Current findings over all images, by severity',
    labelNames: ['severity'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [sev, n] of Object.entries((await stats()).findings)) this.set({ severity: sev }, n ?? 0);
    },
  });
  new client.Gauge({
    name: 'bulwark_webhook_deliveries',
    help: 'Webhook deliveries by status (dead = dead letters)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const s of ['pending', 'delivered', 'dead'] as const) this.set({ status: s }, (await stats()).deliveries[s] ?? 0);
    },
  });
  new client.Gauge({
    name: 'bulwark_advisory_db_age_seconds',
    help: 'Age of the advisory database (time since its last import or update); -1 when there is none',
    registers: [registry],
    collect() {
      const f = dbFreshness(cacheDir);
      this.set(f.exists && Number.isFinite(f.ageHours) ? Math.round(f.ageHours * 3600) : -1);
    },
  });
  return {
    registry,
    observeRequest(method, route, status, seconds) {
      requests.inc({ method, route, status: String(status) });
      latency.observe({ method, route }, seconds);
    },
    job: (job, result) => jobs.inc({ job, result }),
    matched: (trigger) => matches.inc({ trigger }),
    delivery: (result) => sends.inc({ result }),
  };
}
