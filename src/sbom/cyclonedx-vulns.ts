/**
 * CycloneDX 1.6 with a vulnerabilities section: the inventory's BOM plus one vulnerability per
 * finding ID, its ratings with their source, the affected components by bom-ref, a recommendation
 * from the fixed version, and VEX-style analysis for suppressed findings.
 */
import type { Inventory } from '../app/inventory.js';
import type { Finding } from '../vuln/match/types.js';
import type { Suppression } from '../vuln/ignore.js';
import { cyclonedxDocument, type SbomWriteOptions } from './cyclonedx.js';

type Component = { 'bom-ref': string; purl?: string; properties?: { name: string; value: string }[] };

const SEVERITY: Record<string, string> = { CRITICAL: 'critical', HIGH: 'high', MEDIUM: 'medium', LOW: 'low', NEGLIGIBLE: 'info', UNKNOWN: 'unknown' };

function componentRef(components: Component[], f: Finding): string | undefined {
  const candidates = components.filter((c) => c.purl === f.pkg.purl);
  if (candidates.length <= 1) return candidates[0]?.['bom-ref'];
  const byPath = candidates.find((c) => c.properties?.some((p) => p.name === 'bulwark:location:path' && p.value === f.pkg.path));
  return (byPath ?? candidates[0])!['bom-ref'];
}

function sourceOf(id: string): { name: string; url?: string } {
  if (id.startsWith('CVE-')) return { name: 'NVD', url: `https://nvd.nist.gov/vuln/detail/${id}` };
  if (id.startsWith('GHSA-')) return { name: 'GitHub', url: `https://github.com/advisories/${id}` };
  return { name: 'OSV', url: `https://osv.dev/vulnerability/${id}` };
}

function method(vector?: string): string | undefined {
  if (!vector) return undefined;
  if (vector.startsWith('CVSS:4')) return 'CVSSv4';
  if (vector.startsWith('CVSS:3.1')) return 'CVSSv31';
  if (vector.startsWith('CVSS:3')) return 'CVSSv3';
  return 'CVSSv2';
}

/** The BOM with vulnerabilities; suppressed findings appear with analysis.state not_affected. */
export function cyclonedxWithVulnerabilities(inv: Inventory, findings: Finding[], suppressed: Suppression[] = [], opts: SbomWriteOptions = {}): Record<string, unknown> {
  const doc = cyclonedxDocument(inv, opts);
  const components = doc.components as Component[];
  const byId = new Map<string, { f: Finding; refs: Set<string>; suppressed?: Suppression }>();
  const add = (f: Finding, s?: Suppression): void => {
    const ref = componentRef(components, f);
    const e = byId.get(f.id) ?? { f, refs: new Set<string>(), suppressed: s };
    if (ref) e.refs.add(ref);
    byId.set(f.id, e);
  };
  for (const f of findings) add(f);
  for (const s of suppressed) if (!byId.has(s.finding.id)) add(s.finding, s);
  const vulnerabilities = [...byId.values()]
    .sort((a, b) => (a.f.id < b.f.id ? -1 : 1))
    .map(({ f, refs, suppressed: s }) => {
      const sev = f.severity;
      const rating = { ...(sev.score !== undefined ? { score: sev.score } : {}), severity: SEVERITY[sev.level], ...(method(sev.vector) ? { method: method(sev.vector), vector: sev.vector } : {}), source: { name: sev.source } };
      return {
        'bom-ref': `vuln:${f.id}`,
        id: f.id,
        source: sourceOf(f.id),
        ...(f.aliases.length ? { references: f.aliases.map((a) => ({ id: a, source: sourceOf(a) })) } : {}),
        ratings: [rating],
        ...(f.description ? { description: f.description } : {}),
        ...(f.title ? { detail: f.title } : {}),
        ...(f.fixedVersion ? { recommendation: `Upgrade ${f.pkg.name} to ${f.fixedVersion} or later` } : {}),
        ...(f.published ? { published: f.published } : {}),
        ...(f.modified ? { updated: f.modified } : {}),
        ...(f.references.length ? { advisories: f.references.slice(0, 20).map((url) => ({ url })) } : {}),
        ...(s ? { analysis: { state: 'not_affected', detail: `${s.by}: ${s.reason}` } } : {}),
        affects: [...refs].sort().map((ref) => ({ ref, versions: [{ version: f.installedVersion, status: s ? 'unaffected' : 'affected' }] })),
      };
    });
  return { ...doc, vulnerabilities };
}
