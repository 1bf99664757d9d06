/**
 * The server's one repository interface. Two implementations (sqlite.ts, postgres.ts) satisfy it
 * and the same test suite (test/server/store-suite.ts) runs against both. Every method is async so
 * the embedded SQLite store and the networked PostgreSQL store look alike to callers.
 */
import type { OsInfo, Package } from '../../catalog/types.js';
import type { ConfigFinding } from '../../checks/types.js';
import type { SecretFinding } from '../../secrets/scanner.js';
import type { Finding, Severity } from '../../vuln/match/types.js';

export type Role = 'admin' | 'scanner' | 'viewer';
export const ROLES: Role[] = ['admin', 'scanner', 'viewer'];

/** How an image came in: scanned by the server from a reference, or uploaded as an SBOM. */
export type SourceKind = 'image' | 'sbom' | 'watch';

export interface ImageRow {
  id: number;
  /** the reference it was registered under (unique): "ghcr.io/o/app:1", or the SBOM's subject */
  ref: string;
  digest?: string;
  sourceKind: SourceKind;
  /** match OS-managed language packages upstream too (see the matcher docs) */
  osManagedUpstream: boolean;
  registeredAt: string;
  lastScanAt?: string;
}

/** ImageRow plus current finding counts, for listings. */
export interface ImageSummary extends ImageRow {
  findings: Partial<Record<Severity, number>>;
}

/** What re-matching needs: packages + OS. No layers are kept, the image is never pulled again. */
export interface StoredInventory {
  os?: OsInfo;
  packages: Package[];
}

export interface SbomRow {
  imageId: number;
  /** cyclonedx | spdx for uploads, "inventory" for images the server scanned itself */
  format: string;
  inventory: StoredInventory;
  createdAt: string;
}

/** One layer of an image the server scanned (from the image configuration and history). */
export interface LayerRow {
  index: number;
  diffId: string;
  /** compressed blob digest, when the source has one */
  digest?: string;
  /** uncompressed tar bytes */
  size: number;
  createdBy?: string;
}

/**
 * What a scan by reference keeps beyond the inventory: the layers and the hardening results (image
 * checks, secrets in the redacted form the scanner returns). SBOM uploads have none.
 */
export interface ImageDetails {
  layers: LayerRow[];
  configFindings: ConfigFinding[];
  secrets: SecretFinding[];
  warnings: string[];
  scannedAt: string;
}

/** One scan as the findings history needs it. */
export interface ScanPoint {
  imageId: number;
  time: string;
  findings: number;
  /** counts per severity; undefined for scans recorded before migration 2 */
  bySeverity?: Partial<Record<Severity, number>>;
}

export interface SearchResults {
  images: ImageRow[];
  vulnerabilities: { imageId: number; imageRef: string; vulnId: string; aliases: string[]; severity: Severity; package: string; version: string; fixedVersion?: string }[];
  packages: { imageId: number; imageRef: string; name: string; version: string; type: string; purl: string }[];
  /** true when a kind hit the limit */
  truncated: boolean;
}

export interface ScanRow {
  id: number;
  imageId: number;
  time: string;
  /** updated_at of the advisory DB the scan matched against */
  advisoryStamp?: string;
  trigger: string;
  findings: number;
  /** open findings per severity at this scan (absent for scans recorded before migration 2) */
  bySeverity?: Partial<Record<Severity, number>>;
}

/** A current finding, keyed by (image, vuln id, package, path). */
export interface FindingRow {
  imageId: number;
  vulnId: string;
  /** the package key: its purl (name and version included) */
  pkg: string;
  /** '' when the package has no path (OS packages) */
  path: string;
  severity: Severity;
  firstSeen: string;
  finding: Finding;
}

export interface EventRow {
  id: number;
  type: string;
  imageId?: number;
  imageRef?: string;
  payload: Record<string, unknown>;
  createdAt: string;
}

export type NewEvent = Omit<EventRow, 'id' | 'createdAt'> & { createdAt?: string };

export interface TokenRow {
  id: number;
  name: string;
  role: Role;
  createdAt: string;
  lastUsedAt?: string;
  revoked: boolean;
}

export type WebhookFormat = 'generic' | 'slack';

export interface WebhookRow {
  id: number;
  url: string;
  /** HMAC key; never returned by the API */
  secret: string;
  format: WebhookFormat;
  /** event types delivered; [] means all */
  events: string[];
  enabled: boolean;
  createdAt: string;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

export interface DeliveryRow {
  id: number;
  webhookId: number;
  eventId: number;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError?: string;
  lastStatus?: number;
  createdAt: string;
  updatedAt: string;
}

export interface WatchRow {
  id: number;
  /** registry/repository, e.g. "127.0.0.1:5000/team/app" */
  repository: string;
  /** regular expression the tags must match (whole tag) */
  tagPattern: string;
  osManagedUpstream: boolean;
  createdAt: string;
  lastPolledAt?: string;
  lastError?: string;
}

export interface EventQuery {
  imageId?: number;
  type?: string;
  /** only events with id > afterId (cursor) */
  afterId?: number;
  limit?: number;
}

/** The result of recording a scan: the scan row and the events written with it (ids assigned). */
export interface AppliedScan {
  scan: ScanRow;
  events: EventRow[];
}

/** The repository. Times are ISO strings; ids are integers. */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Applies pending numbered migrations; returns the versions applied now (none when up to date). */
  migrate(): Promise<number[]>;
  /** Versions recorded in schema_migrations. */
  migrations(): Promise<number[]>;
  /** Throws when the database cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;

  upsertImage(input: { ref: string; digest?: string; sourceKind: SourceKind; osManagedUpstream: boolean }): Promise<ImageRow>;
  getImage(id: number): Promise<ImageRow | undefined>;
  getImageByRef(ref: string): Promise<ImageRow | undefined>;
  listImages(): Promise<ImageSummary[]>;
  /** Deletes the image, its SBOM, scans and findings (events stay). */
  deleteImage(id: number): Promise<boolean>;

  /** Stores the inventory; `details` (layers + hardening) replaces the previous ones, and none clears them (SBOM uploads). */
  putSbom(imageId: number, format: string, inventory: StoredInventory, details?: ImageDetails): Promise<void>;
  getSbom(imageId: number): Promise<SbomRow | undefined>;
  /** Layers and hardening results of an image the server scanned; undefined for SBOM uploads. */
  getDetails(imageId: number): Promise<ImageDetails | undefined>;
  /** Scans since `since` (ISO) plus each image's last scan before it, oldest first. */
  scanHistory(since?: string): Promise<ScanPoint[]>;
  /** Images by reference/digest, vulnerabilities by ID or alias, packages by name (each kind at most `limit`). */
  search(q: string, limit: number): Promise<SearchResults>;

  listFindings(imageId: number): Promise<FindingRow[]>;
  /**
   * In one transaction: records a scan, replaces the image's current findings (rows whose key
   * survives keep their firstSeen) and appends the events.
   */
  applyScan(imageId: number, scan: { time: string; advisoryStamp?: string; trigger: string }, findings: FindingRow[], events: NewEvent[]): Promise<AppliedScan>;
  listScans(imageId: number, limit?: number): Promise<ScanRow[]>;

  addEvents(events: NewEvent[]): Promise<EventRow[]>;
  listEvents(q: EventQuery): Promise<EventRow[]>;

  createToken(input: { name: string; role: Role; hash: string }): Promise<TokenRow>;
  findTokenByHash(hash: string): Promise<TokenRow | undefined>;
  listTokens(): Promise<TokenRow[]>;
  revokeToken(id: number): Promise<boolean>;
  touchToken(id: number, at: string): Promise<void>;

  createWebhook(input: Omit<WebhookRow, 'id' | 'createdAt'>): Promise<WebhookRow>;
  listWebhooks(): Promise<WebhookRow[]>;
  getWebhook(id: number): Promise<WebhookRow | undefined>;
  deleteWebhook(id: number): Promise<boolean>;

  /** One pending delivery per (webhook, event) pair; duplicates are ignored. */
  enqueueDeliveries(pairs: { webhookId: number; eventId: number }[], at: string): Promise<number>;
  /** Pending deliveries due at `now`, oldest first. */
  dueDeliveries(now: string, limit: number): Promise<DeliveryRow[]>;
  updateDelivery(id: number, patch: { status: DeliveryStatus; attempts: number; nextAttemptAt: string; lastError?: string; lastStatus?: number }, at: string): Promise<void>;
  listDeliveries(q: { webhookId?: number; status?: DeliveryStatus; limit?: number }): Promise<DeliveryRow[]>;
  getEvent(id: number): Promise<EventRow | undefined>;

  createWatch(input: { repository: string; tagPattern: string; osManagedUpstream: boolean }): Promise<WatchRow>;
  listWatches(): Promise<WatchRow[]>;
  deleteWatch(id: number): Promise<boolean>;
  touchWatch(id: number, at: string, error?: string): Promise<void>;

  /** Counts for /metrics. */
  stats(): Promise<{ images: number; findings: Partial<Record<Severity, number>>; deliveries: Partial<Record<DeliveryStatus, number>> }>;
  getMeta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;
}
