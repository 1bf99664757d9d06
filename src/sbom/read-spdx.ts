/**
 * SPDX 2.2/2.3 JSON reader: Bulwark's own documents (annotations "bulwark:…: value"), Trivy's
 * (annotations "PkgType: debian", "SrcName: …") and Syft's (purl externalRefs, sourceInfo paths).
 */
import { z } from 'zod';
import type { OsInfo, Package } from '../catalog/types.js';
import { splitTopLevelAnd } from './licenses.js';
import { checked, inferOs, type SbomInput } from './read-common.js';
import { toPackage } from './read-package.js';
import { normalizeFamily } from './read-purl.js';

const str = z.string().max(65536);
const spdxPackage = z
  .object({
    SPDXID: str,
    name: str,
    versionInfo: str.optional(),
    licenseDeclared: str.optional(),
    licenseConcluded: str.optional(),
    primaryPackagePurpose: str.optional(),
    sourceInfo: str.optional(),
    description: str.optional(),
    externalRefs: z.array(z.object({ referenceCategory: str, referenceType: str, referenceLocator: str }).passthrough()).optional(),
    annotations: z.array(z.object({ annotator: str.optional(), comment: str }).passthrough()).optional(),
  })
  .passthrough();
type SpdxPackage = z.infer<typeof spdxPackage>;

const docSchema = z
  .object({
    spdxVersion: z.enum(['SPDX-2.2', 'SPDX-2.3']),
    SPDXID: str,
    name: str.optional(),
    creationInfo: z.object({ creators: z.array(str).optional() }).passthrough().optional(),
    documentDescribes: z.array(str).optional(),
    packages: z.array(spdxPackage).optional(),
    relationships: z.array(z.object({ spdxElementId: str, relationshipType: str, relatedSpdxElement: str }).passthrough()).optional(),
    hasExtractedLicensingInfos: z.array(z.object({ licenseId: str, name: str.optional() }).passthrough()).optional(),
  })
  .passthrough();

const NO_LICENSE = new Set(['NOASSERTION', 'NONE', '']);

/** Annotations as properties; Trivy's bare keys get its CycloneDX prefix so one reader handles both. */
function propsOf(p: SpdxPackage): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const a of p.annotations ?? []) {
    const m = /^([A-Za-z0-9:._-]{1,200}): ([^]*)$/.exec(a.comment);
    if (!m) continue;
    const trivy = /trivy/i.test(a.annotator ?? '') && !m[1]!.includes(':');
    out.push({ name: trivy ? `aquasecurity:trivy:${m[1]}` : m[1]!, value: m[2]! });
  }
  // Syft: "acquired package info from DPKG DB: /var/lib/dpkg/status, /usr/share/doc/…"
  const src = /^acquired package info from [^:]*: (\/[^,\s]+)/.exec(p.sourceInfo ?? '');
  if (src && !out.some((x) => x.name === 'bulwark:location:path')) out.push({ name: 'syft:location:0:path', value: src[1]! });
  return out;
}

function purlOf(p: SpdxPackage): string | undefined {
  return p.externalRefs?.find((r) => r.referenceType === 'purl')?.referenceLocator;
}

function licensesOf(p: SpdxPackage, refNames: Map<string, string>): string[] {
  const expr = [p.licenseDeclared, p.licenseConcluded].find((l) => l !== undefined && !NO_LICENSE.has(l.trim()));
  if (!expr) return [];
  return splitTopLevelAnd(expr.trim()).map((part) => refNames.get(part) ?? part);
}

function isOs(p: SpdxPackage): boolean {
  return p.primaryPackagePurpose === 'OPERATING_SYSTEM' || p.primaryPackagePurpose === 'OPERATING-SYSTEM';
}

/** Reads a parsed SPDX 2.2/2.3 document. */
export function readSpdx(raw: unknown, what: string): SbomInput {
  const doc = checked(docSchema, raw, what);
  const pkgs = doc.packages ?? [];
  const described = doc.relationships?.find((r) => r.spdxElementId === doc.SPDXID && r.relationshipType === 'DESCRIBES')?.relatedSpdxElement ?? doc.documentDescribes?.[0];
  const root = pkgs.find((p) => p.SPDXID === described && p.primaryPackagePurpose !== 'LIBRARY');
  const rootProps = root ? propsOf(root) : [];
  const layerOrder = rootProps.filter((p) => p.name === 'bulwark:image:layer:diffID' || p.name === 'aquasecurity:trivy:DiffID').map((p) => p.value);
  const refNames = new Map<string, string>();
  for (const e of doc.hasExtractedLicensingInfos ?? []) if (e.name && e.name !== 'NOASSERTION') refNames.set(e.licenseId, e.name);
  const creator = doc.creationInfo?.creators?.find((c) => c.startsWith('Tool: '));
  const tool = creator ? /^Tool: ([A-Za-z][A-Za-z0-9_.]*)/.exec(creator)?.[1]?.replace(/[-_]$/, '') : undefined;
  let os: OsInfo | undefined;
  const packages: Package[] = [];
  const skipped = new Map<string, number>();
  for (const p of pkgs) {
    if (p === root) continue;
    if (isOs(p)) {
      os ??= { family: normalizeFamily(p.name), version: p.versionInfo ?? '', ...(p.description ? { prettyName: p.description } : {}) };
      continue;
    }
    const props = propsOf(p);
    const pkg = toPackage({ name: p.name, version: p.versionInfo, purl: purlOf(p), licenses: licensesOf(p, refNames), props, foundBy: `sbom:${tool ?? 'spdx'}`, layerOrder });
    if ('skipped' in pkg) skipped.set(pkg.skipped, (skipped.get(pkg.skipped) ?? 0) + 1);
    else packages.push(pkg);
  }
  const warnings = [...skipped].map(([why, n]) => `${n} package${n === 1 ? '' : 's'} skipped (${why})`);
  return {
    format: 'spdx',
    specVersion: doc.spdxVersion.slice(5),
    tool,
    target: { name: root?.name ?? doc.name ?? 'unknown', ...(root?.versionInfo ? { version: root.versionInfo } : {}), ...(root && purlOf(root) ? { purl: purlOf(root) } : {}) },
    os: os ?? inferOs(packages),
    packages,
    warnings,
  };
}
