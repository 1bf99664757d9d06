/** /api/v1/search and /api/v1/stats/findings-history: cross-image look-ups for the dashboard and scripts. */
import type { FastifyPluginAsync } from 'fastify';
import { SEVERITIES, type Severity } from '../../vuln/match/types.js';
import type { ServerContext } from '../context.js';
import type { ScanPoint } from '../store/types.js';
import { authErrors, ref } from './schemas.js';

const DAY = 86_400_000;
/** most points a history answer carries (the newest are kept) */
export const MAX_HISTORY_POINTS = 2000;

export interface HistoryPoint {
  time: string;
  total: number;
  bySeverity: Partial<Record<Severity, number>>;
  /** open findings of images whose latest scan predates per-severity counts (in total, not in bySeverity) */
  unclassified?: number;
}

/**
 * Open findings over time: at every scan, each image counts its latest scan's findings; the sum is a
 * point. Scans before `since` only set the starting values (one point at `since`).
 */
export function findingsHistory(scans: ScanPoint[], since?: string): HistoryPoint[] {
  const latest = new Map<number, ScanPoint>();
  const points: HistoryPoint[] = [];
  const snapshot = (time: string): HistoryPoint => {
    const p: HistoryPoint = { time, total: 0, bySeverity: {} };
    let unclassified = 0;
    for (const s of latest.values()) {
      p.total += s.findings;
      if (!s.bySeverity) unclassified += s.findings;
      else for (const [k, n] of Object.entries(s.bySeverity)) p.bySeverity[k as Severity] = (p.bySeverity[k as Severity] ?? 0) + (n ?? 0);
    }
    if (unclassified) p.unclassified = unclassified;
    return p;
  };
  let started = !since;
  for (const s of scans) {
    if (!started && s.time >= since!) {
      if (latest.size) points.push(snapshot(since!));
      started = true;
    }
    latest.set(s.imageId, s);
    if (started) {
      const p = snapshot(s.time);
      // scans at the same instant (a re-match of every image) make one point
      if (points.length && points[points.length - 1]!.time === p.time) points[points.length - 1] = p;
      else points.push(p);
    }
  }
  if (!started && latest.size) points.push(snapshot(since!));
  return points.length > MAX_HISTORY_POINTS ? points.slice(-MAX_HISTORY_POINTS) : points;
}

const severityCounts = { type: 'object', properties: Object.fromEntries(SEVERITIES.map((s) => [s, { type: 'integer' }])) } as const;

export const searchRoutes: FastifyPluginAsync<{ ctx: ServerContext }> = async (app, { ctx }) => {
  app.get(
    '/search',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'Search images by reference or digest, vulnerabilities by ID or alias, and packages by name, across every image',
        tags: ['search'],
        querystring: {
          type: 'object',
          properties: {
            q: { type: 'string', minLength: 1, maxLength: 200 },
            limit: { type: 'integer', minimum: 1, maximum: 200, default: 50, description: 'most results per kind' },
          },
          required: ['q'],
        },
        response: {
          200: {
            type: 'object',
            properties: {
              query: { type: 'string' },
              images: { type: 'array', items: ref('Image') },
              vulnerabilities: {
                type: 'array',
                description: 'findings whose ID or one of its aliases equals q (case-insensitive)',
                items: {
                  type: 'object',
                  properties: {
                    imageId: { type: 'integer' },
                    imageRef: { type: 'string' },
                    vulnId: { type: 'string' },
                    aliases: { type: 'array', items: { type: 'string' } },
                    severity: { type: 'string' },
                    package: { type: 'string' },
                    version: { type: 'string' },
                    fixedVersion: { type: 'string' },
                  },
                  required: ['imageId', 'imageRef', 'vulnId', 'severity', 'package', 'version'],
                },
              },
              packages: {
                type: 'array',
                description: 'packages whose name contains q (case-insensitive)',
                items: {
                  type: 'object',
                  properties: { imageId: { type: 'integer' }, imageRef: { type: 'string' }, name: { type: 'string' }, version: { type: 'string' }, type: { type: 'string' }, purl: { type: 'string' } },
                  required: ['imageId', 'imageRef', 'name', 'version', 'type', 'purl'],
                },
              },
              truncated: { type: 'boolean', description: 'a kind reached the limit: there may be more' },
            },
            required: ['query', 'images', 'vulnerabilities', 'packages', 'truncated'],
          },
          400: ref('Error'),
          ...authErrors,
        },
      },
    },
    async (req) => {
      const { q, limit } = req.query as { q: string; limit: number };
      const res = await ctx.store.search(q, limit);
      const counts = new Map((await ctx.store.listImages()).map((i) => [i.id, i]));
      return { query: q, ...res, images: res.images.map((i) => counts.get(i.id) ?? i) };
    },
  );

  app.get(
    '/stats/findings-history',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'Open findings over time, by severity: at each scan, the sum over images of their latest scan',
        tags: ['search'],
        querystring: { type: 'object', properties: { since: { type: 'string', format: 'date-time', description: 'default: 30 days ago' } } },
        response: {
          200: {
            type: 'object',
            properties: {
              since: { type: 'string', format: 'date-time' },
              points: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    time: { type: 'string', format: 'date-time' },
                    total: { type: 'integer' },
                    bySeverity: severityCounts,
                    unclassified: { type: 'integer', description: 'findings of scans recorded before per-severity counts were kept' },
                  },
                  required: ['time', 'total', 'bySeverity'],
                },
              },
            },
            required: ['since', 'points'],
          },
          400: ref('Error'),
          ...authErrors,
        },
      },
    },
    async (req) => {
      const q = req.query as { since?: string };
      const since = q.since ? new Date(q.since).toISOString() : new Date(Date.now() - 30 * DAY).toISOString();
      return { since, points: findingsHistory(await ctx.store.scanHistory(since), since) };
    },
  );
};
