/**
 * Findings as stored rows, and the difference between two sets of them: what a re-match turns
 * into "vulnerability.new" and "vulnerability.resolved" events.
 */
import type { Finding } from '../../vuln/match/types.js';
import type { FindingRow, NewEvent } from '../store/types.js';

/** The stored key of a finding: (vuln id, package purl, path). */
export function findingKey(f: Pick<FindingRow, 'vulnId' | 'pkg' | 'path'>): string {
  return `${f.vulnId}\0${f.pkg}\0${f.path}`;
}

/** Stored rows for a scan's findings (first seen now; the store keeps older firstSeen values). */
export function toRows(imageId: number, findings: Finding[], now: string): FindingRow[] {
  return findings.map((f) => ({ imageId, vulnId: f.id, pkg: f.pkg.purl, path: f.pkg.path ?? '', severity: f.severity.level, firstSeen: now, finding: f }));
}

export interface FindingDiff {
  added: FindingRow[];
  resolved: FindingRow[];
}

/** What is in `next` and not `prev`, and the reverse. */
export function diffFindings(prev: FindingRow[], next: FindingRow[]): FindingDiff {
  const before = new Set(prev.map(findingKey));
  const after = new Set(next.map(findingKey));
  return { added: next.filter((f) => !before.has(findingKey(f))), resolved: prev.filter((f) => !after.has(findingKey(f))) };
}

/** The payload every vulnerability event carries. */
function vulnPayload(r: FindingRow): Record<string, unknown> {
  const f = r.finding;
  return {
    vulnId: r.vulnId,
    aliases: f.aliases,
    severity: f.severity.level,
    score: f.severity.score,
    package: f.pkg.name,
    version: f.installedVersion,
    purl: f.pkg.purl,
    path: f.pkg.path,
    fixedVersion: f.fixedVersion,
    status: f.status,
    title: f.title,
  };
}

/** Events for a diff on one image. */
export function diffEvents(image: { id: number; ref: string }, diff: FindingDiff): NewEvent[] {
  return [
    ...diff.added.map((r) => ({ type: 'vulnerability.new', imageId: image.id, imageRef: image.ref, payload: vulnPayload(r) })),
    ...diff.resolved.map((r) => ({ type: 'vulnerability.resolved', imageId: image.id, imageRef: image.ref, payload: vulnPayload(r) })),
  ];
}
