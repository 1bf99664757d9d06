/**
 * The monitoring core: registers images (scanned once from a reference, or read from an uploaded
 * SBOM), keeps their inventory (packages + OS), and (re-)matches that inventory against the
 * current advisory database without touching the image again. Each match is diffed against the
 * image's previous findings; the differences, OS end of life and policy results become events,
 * which the dispatcher turns into webhook deliveries.
 *
 * Matching calls the engine directly (matchPackages) rather than scanVulnerabilities: the latter
 * reads .bulwarkignore.yaml from the working directory, which a server must not depend on.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Policy } from '../policy/index.js';
import { hardeningResults, scanAnalyzers } from '../app/full-scan.js';
import { scanImage } from '../app/inventory.js';
import { readSbom } from '../sbom/read-sbom.js';
import { BulwarkError, errorMessage } from '../shared/errors.js';
import { parseReference } from '../source/registry/reference.js';
import { dbFreshness, openAdvisoryDb } from '../vuln/db/index.js';
import { matchPackages } from '../vuln/match/engine.js';
import type { AdvisorySource, Severity } from '../vuln/match/types.js';
import { diffEvents, diffFindings, toRows } from './jobs/diff.js';
import { eolEvents, policyEvents } from './jobs/hooks.js';
import type { Dispatcher } from './notify/dispatcher.js';
import type { EventRow, ImageDetails, ImageRow, NewEvent, ScanRow, SourceKind, Store, StoredInventory } from './store/types.js';

export interface MonitorOptions {
  cacheDir: string;
  /** accept local paths (archives, layouts) as references; off by default: clients could read server files */
  allowLocalImages: boolean;
  /** registries (host[:port]) reached over plain HTTP */
  plainHttpRegistries: string[];
  policy?: { name: string; document: Policy };
  log: FastifyBaseLogger;
  dispatcher: Dispatcher;
  /** called after every image match (metrics) */
  onMatched?: (trigger: string) => void;
  /**
   * Scale-out (src/server/queue, docs/scale-out.md): when set, image pulls and matches are handed
   * to the job queue (`bulwark worker` processes) instead of running here. Unset — SQLite, or
   * PostgreSQL without a queue — everything runs in this process exactly as before.
   */
  defer?: DeferredWork;
}

/** Where a server with a job queue sends work (see `defer` above). */
export interface DeferredWork {
  /** queue a pull + inventory + match of `scanTarget`, registered as `ref` */
  scan(input: { ref: string; scanTarget: string; osManagedUpstream: boolean; sourceKind: SourceKind }): Promise<MatchOutcome>;
  /** queue a match of the image's stored inventory */
  match(image: ImageRow, trigger: string): Promise<MatchOutcome>;
}

export interface MatchOutcome {
  image: ImageRow;
  /** undefined when there is no advisory database yet (the image is stored, matched later) */
  scan?: ScanRow;
  events: EventRow[];
  warnings: string[];
}

export interface RematchSummary {
  images: number;
  failed: number;
  added: number;
  resolved: number;
  events: number;
  advisoryStamp?: string;
}

export interface Monitor {
  registerImage(input: { ref: string; osManagedUpstream?: boolean; scanTarget?: string; sourceKind?: SourceKind }): Promise<MatchOutcome>;
  registerSbom(body: Buffer | string, input: { ref?: string; osManagedUpstream?: boolean }): Promise<MatchOutcome>;
  rematchImage(id: number, trigger?: string): Promise<MatchOutcome>;
  rematchAll(trigger?: string): Promise<RematchSummary>;
  deleteImage(id: number): Promise<boolean>;
}

const LOCAL_PREFIX = /^(docker-archive|oci-archive|oci-dir|oci|dir|rootfs):/;

/** Strips registry:/docker:// and rejects what is not a registry reference unless local images are allowed. */
function scanTargetFor(ref: string, allowLocal: boolean): string {
  if (allowLocal) return ref;
  if (LOCAL_PREFIX.test(ref) || /^[./~]/.test(ref)) throw new BulwarkError('USAGE', `local image paths are not accepted by this server (start it with --allow-local-images): ${ref}`);
  const bare = ref.replace(/^registry:/, '').replace(/^docker:\/\//, '');
  parseReference(bare);
  return `registry:${bare}`;
}

function registryHost(target: string): string | undefined {
  const bare = target.replace(/^registry:/, '').replace(/^docker:\/\//, '');
  try {
    return parseReference(bare).registry;
  } catch {
    return undefined;
  }
}

function counts(events: NewEvent[], rows: { severity: Severity }[]): Record<string, number> {
  const by: Record<string, number> = {};
  for (const r of rows) by[r.severity] = (by[r.severity] ?? 0) + 1;
  return { ...by, total: rows.length, events: events.length };
}

/** Creates the monitor over a store. */
export function createMonitor(store: Store, opts: MonitorOptions): Monitor {
  const locks = new Map<number, Promise<unknown>>();
  const serial = <T>(id: number, fn: () => Promise<T>): Promise<T> => {
    const prev = locks.get(id) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    const tail = next.catch(() => {});
    locks.set(id, tail);
    void tail.then(() => locks.get(id) === tail && locks.delete(id));
    return next;
  };

  /** Opens the current advisory DB (a fresh handle sees the latest import), or undefined. */
  function advisories(): { source: AdvisorySource; stamp?: string; close(): void } | undefined {
    const fresh = dbFreshness(opts.cacheDir);
    if (!fresh.exists) return undefined;
    const db = openAdvisoryDb(opts.cacheDir);
    return { source: db, stamp: fresh.updatedAt, close: () => db.close() };
  }

  async function match(image: ImageRow, inv: StoredInventory, trigger: string, adv: ReturnType<typeof advisories>, extra: NewEvent[] = []): Promise<MatchOutcome> {
    if (!adv) {
      const events = extra.length ? await store.addEvents(extra) : [];
      await opts.dispatcher.enqueue(events);
      return { image, events, warnings: ['no advisory database yet: the image is stored and will be matched after the next advisory update'] };
    }
    const matched = matchPackages(inv.packages, inv.os, adv.source, { osManagedUpstream: image.osManagedUpstream });
    const now = new Date();
    const rows = toRows(image.id, matched.findings, now.toISOString());
    const [prev, last] = await Promise.all([store.listFindings(image.id), store.listScans(image.id, 1)]);
    const facts = { image, os: inv.os, packages: inv.packages, findings: matched.findings, previousScanAt: last[0]?.time, now };
    const events: NewEvent[] = [...extra];
    if (last[0]) events.push(...diffEvents(image, diffFindings(prev, rows)));
    else events.push({ type: 'image.registered', imageId: image.id, imageRef: image.ref, payload: { digest: image.digest, sourceKind: image.sourceKind, findings: rows.length, bySeverity: counts([], rows) } });
    events.push(...eolEvents(facts), ...(await policyEvents(store, opts.policy, facts)));
    const applied = await store.applyScan(image.id, { time: now.toISOString(), advisoryStamp: adv.stamp, trigger }, rows, events);
    opts.onMatched?.(trigger);
    await opts.dispatcher.enqueue(applied.events);
    return { image: { ...image, lastScanAt: applied.scan.time }, scan: applied.scan, events: applied.events, warnings: matched.warnings };
  }

  async function store_(ref: string, digest: string | undefined, sourceKind: SourceKind, format: string, inv: StoredInventory, osManagedUpstream: boolean, details?: ImageDetails): Promise<MatchOutcome> {
    const before = await store.getImageByRef(ref);
    const image = await store.upsertImage({ ref, digest, sourceKind, osManagedUpstream });
    return serial(image.id, async () => {
      await store.putSbom(image.id, format, inv, details);
      const extra: NewEvent[] = before && before.digest && digest && before.digest !== digest ? [{ type: 'image.updated', imageId: image.id, imageRef: ref, payload: { previousDigest: before.digest, digest } }] : [];
      if (opts.defer) {
        // queue mode: the inventory is stored; a worker matches it
        const events = extra.length ? await store.addEvents(extra) : [];
        await opts.dispatcher.enqueue(events);
        const out = await opts.defer.match(image, 'register');
        return { ...out, events: [...events, ...out.events] };
      }
      const adv = advisories();
      try {
        return await match(image, inv, 'register', adv, extra);
      } finally {
        adv?.close();
      }
    });
  }

  return {
    async registerImage(input) {
      const target = input.scanTarget ?? scanTargetFor(input.ref, opts.allowLocalImages);
      const host = registryHost(target);
      const plainHttp = host !== undefined && opts.plainHttpRegistries.includes(host);
      // queue mode: a worker pulls the image
      if (opts.defer) return opts.defer.scan({ ref: input.ref.replace(/^registry:/, '').replace(/^docker:\/\//, ''), scanTarget: target, osManagedUpstream: Boolean(input.osManagedUpstream), sourceKind: input.sourceKind ?? 'image' });
      // the same analyzers as `bulwark image`: the image checks and secrets run on this one pass
      const scan = await scanImage(target, { cacheDir: opts.cacheDir, registry: { plainHttp, retries: 2 }, extraAnalyzers: scanAnalyzers(true) });
      const { inventory } = scan;
      const digest = inventory.target.repoDigests[0]?.split('@')[1] ?? inventory.target.manifestDigest;
      const ref = input.ref.replace(/^registry:/, '').replace(/^docker:\/\//, '');
      const hardening = hardeningResults(scan, ref);
      const details: ImageDetails = {
        layers: inventory.layers.map((l) => ({ index: l.index, diffId: l.diffId, digest: l.digest, size: l.size, createdBy: l.createdBy })),
        configFindings: hardening.configFindings,
        secrets: hardening.secrets,
        warnings: hardening.warnings,
        scannedAt: new Date().toISOString(),
      };
      return store_(ref, digest, input.sourceKind ?? 'image', 'inventory', { os: inventory.os, packages: inventory.packages }, Boolean(input.osManagedUpstream), details);
    },
    async registerSbom(body, input) {
      const sbom = readSbom(body, 'the uploaded SBOM');
      const digest = sbom.target.version && /^sha(256|512):[a-f0-9]+$/.test(sbom.target.version) ? sbom.target.version : undefined;
      const ref = input.ref?.trim() || sbom.target.name || `sbom:${digest ?? 'unnamed'}`;
      const out = await store_(ref, digest, 'sbom', sbom.format, { os: sbom.os, packages: sbom.packages }, Boolean(input.osManagedUpstream));
      return { ...out, warnings: [...sbom.warnings, ...out.warnings] };
    },
    async rematchImage(id, trigger = 'rematch') {
      const image = await store.getImage(id);
      if (!image) throw new BulwarkError('NOT_FOUND', `no image ${id}`);
      if (opts.defer) return opts.defer.match(image, trigger); // queue mode: a worker matches it
      return serial(id, async () => {
        const sbom = await store.getSbom(id);
        if (!sbom) throw new BulwarkError('NOT_FOUND', `image ${id} has no stored inventory`);
        const adv = advisories();
        try {
          return await match(image, sbom.inventory, trigger, adv);
        } finally {
          adv?.close();
        }
      });
    },
    async rematchAll(trigger = 'rematch') {
      const adv = advisories();
      const summary: RematchSummary = { images: 0, failed: 0, added: 0, resolved: 0, events: 0, advisoryStamp: adv?.stamp };
      if (!adv) return summary;
      try {
        for (const img of await store.listImages()) {
          try {
            const out = await serial(img.id, async () => {
              const sbom = await store.getSbom(img.id);
              return sbom ? match(img, sbom.inventory, trigger, adv) : undefined;
            });
            if (!out) continue;
            summary.images++;
            summary.events += out.events.length;
            summary.added += out.events.filter((e) => e.type === 'vulnerability.new').length;
            summary.resolved += out.events.filter((e) => e.type === 'vulnerability.resolved').length;
          } catch (err) {
            summary.failed++;
            opts.log.error({ image: img.id, err: errorMessage(err) }, 're-match failed');
          }
        }
      } finally {
        adv.close();
      }
      return summary;
    },
    async deleteImage(id) {
      const image = await store.getImage(id);
      if (!image) return false;
      return serial(id, async () => {
        const ok = await store.deleteImage(id);
        if (ok) await opts.dispatcher.enqueue(await store.addEvents([{ type: 'image.deleted', imageId: id, imageRef: image.ref, payload: { digest: image.digest } }]));
        return ok;
      });
    },
  };
}
