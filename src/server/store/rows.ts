/** Row mappers: database rows (either dialect) to the repository's types. */
import type { Finding, Severity } from '../../vuln/match/types.js';
import { fromBool, fromJson, num, opt, type Row } from './sql.js';
import type { DeliveryRow, DeliveryStatus, EventRow, FindingRow, ImageRow, Role, ScanRow, SourceKind, StoredInventory, TokenRow, WatchRow, WebhookFormat, WebhookRow } from './types.js';

export function imageRow(r: Row): ImageRow {
  return {
    id: num(r.id),
    ref: String(r.ref),
    digest: opt(r.digest),
    sourceKind: String(r.source_kind) as SourceKind,
    osManagedUpstream: fromBool(r.os_managed_upstream),
    registeredAt: String(r.registered_at),
    lastScanAt: opt(r.last_scan_at),
  };
}

export function inventoryOf(r: Row): StoredInventory {
  return fromJson<StoredInventory>(r.inventory);
}

export function scanRow(r: Row): ScanRow {
  const row: ScanRow = { id: num(r.id), imageId: num(r.image_id), time: String(r.scanned_at), advisoryStamp: opt(r.advisory_stamp), trigger: String(r.reason), findings: num(r.findings) };
  if (r.by_severity !== null && r.by_severity !== undefined) row.bySeverity = fromJson<Partial<Record<Severity, number>>>(r.by_severity);
  return row;
}

export function findingRow(r: Row): FindingRow {
  return {
    imageId: num(r.image_id),
    vulnId: String(r.vuln_id),
    pkg: String(r.pkg),
    path: String(r.path),
    severity: String(r.severity) as Severity,
    firstSeen: String(r.first_seen),
    finding: fromJson<Finding>(r.data),
  };
}

export function eventRow(r: Row): EventRow {
  return {
    id: num(r.id),
    type: String(r.type),
    imageId: r.image_id === null || r.image_id === undefined ? undefined : num(r.image_id),
    imageRef: opt(r.image_ref),
    payload: fromJson<Record<string, unknown>>(r.payload),
    createdAt: String(r.created_at),
  };
}

export function tokenRow(r: Row): TokenRow {
  return { id: num(r.id), name: String(r.name), role: String(r.role) as Role, createdAt: String(r.created_at), lastUsedAt: opt(r.last_used_at), revoked: fromBool(r.revoked) };
}

export function webhookRow(r: Row): WebhookRow {
  return {
    id: num(r.id),
    url: String(r.url),
    secret: String(r.secret),
    format: String(r.format) as WebhookFormat,
    events: fromJson<string[]>(r.events),
    enabled: fromBool(r.enabled),
    createdAt: String(r.created_at),
  };
}

export function deliveryRow(r: Row): DeliveryRow {
  return {
    id: num(r.id),
    webhookId: num(r.webhook_id),
    eventId: num(r.event_id),
    status: String(r.status) as DeliveryStatus,
    attempts: num(r.attempts),
    nextAttemptAt: String(r.next_attempt_at),
    lastError: opt(r.last_error),
    lastStatus: r.last_status === null || r.last_status === undefined ? undefined : num(r.last_status),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}

export function watchRow(r: Row): WatchRow {
  return {
    id: num(r.id),
    repository: String(r.repository),
    tagPattern: String(r.tag_pattern),
    osManagedUpstream: fromBool(r.os_managed_upstream),
    createdAt: String(r.created_at),
    lastPolledAt: opt(r.last_polled_at),
    lastError: opt(r.last_error),
  };
}
