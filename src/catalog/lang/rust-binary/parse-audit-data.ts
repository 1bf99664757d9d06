/**
 * cargo-auditable dependency data: the `.dep-v0` section holds zlib-compressed JSON
 *   {"packages":[{"name","version","source","kind"?,"dependencies"?:[index…],"root"?}]}
 * where source is "crates.io", "registry" (older writers), "git", "local" or "other", and kind is
 * "runtime" (default) or "build". Decompression and package count are capped.
 */
import { inflateSync } from 'node:zlib';
import { z } from 'zod';
import { purl } from '../../purl.js';
import type { ParsedPackage } from '../../types.js';

/** real audit data is a few KiB; 16 MiB of JSON would be ~100k crates */
export const MAX_INFLATED = 16 * 1024 * 1024;
const MAX_PACKAGES = 100_000;
const REGISTRY_SOURCES = new Set(['crates.io', 'registry']);

const AuditPackage = z.object({
  name: z.string().min(1).max(256),
  version: z.string().min(1).max(256),
  source: z.string().max(256),
  kind: z.string().max(32).optional(),
  dependencies: z.array(z.number().int().nonnegative()).max(MAX_PACKAGES).optional(),
  root: z.boolean().optional(),
});
const AuditData = z.object({ packages: z.array(AuditPackage).max(MAX_PACKAGES) });
export type AuditPackage = z.infer<typeof AuditPackage>;

/** Inflates and validates `.dep-v0` bytes; throws a short Error on anything malformed. */
export function decodeAuditData(compressed: Buffer): AuditPackage[] {
  let json: Buffer;
  try {
    json = inflateSync(compressed, { maxOutputLength: MAX_INFLATED });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new Error(`.dep-v0 inflates beyond ${MAX_INFLATED} bytes`);
    throw new Error('.dep-v0 is not valid zlib data');
  }
  let data: unknown;
  try {
    data = JSON.parse(json.toString('utf8'));
  } catch {
    throw new Error('.dep-v0 is not valid JSON');
  }
  const parsed = AuditData.safeParse(data);
  if (!parsed.success) throw new Error('.dep-v0 JSON does not match the cargo-auditable schema');
  return parsed.data.packages;
}

/** Cargo packages from registry sources (crates.io or another registry); git and local crates are skipped. */
export function auditPackages(pkgs: AuditPackage[]): ParsedPackage[] {
  const out: ParsedPackage[] = [];
  for (const p of pkgs) {
    const source = p.source.toLowerCase();
    if (!REGISTRY_SOURCES.has(source)) continue;
    const kind = (p.kind ?? 'runtime').toLowerCase();
    const metadata: Record<string, unknown> = { source: p.source, kind };
    if (p.root) metadata.root = true;
    const deps: string[] = [];
    for (const i of p.dependencies ?? []) {
      const d = pkgs[i];
      if (d) deps.push(`${d.name}@${d.version}`);
    }
    if (deps.length) metadata.dependencies = deps;
    out.push({ name: p.name, version: p.version, type: 'cargo', purl: purl('cargo', undefined, p.name, p.version), licenses: [], metadata });
  }
  return out;
}
