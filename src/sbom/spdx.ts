/**
 * SPDX 2.3 JSON writer. The document DESCRIBES the image (CONTAINER), which CONTAINS the OS
 * (OPERATING_SYSTEM) and every package (LIBRARY). Bulwark's own fields ride in annotations
 * ("bulwark:layer:index: 1"), the same name/value pairs as the CycloneDX properties, so readSbom()
 * can read them back; sourceInfo says the same for people.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Inventory } from '../app/inventory.js';
import type { Package } from '../catalog/types.js';
import { VERSION } from '../shared/version.js';
import { packageProperties, sbomTimestamp, type SbomWriteOptions } from './cyclonedx.js';
import { classifyLicense, expressionLicenses, licenseRefFor, parseSpdx, splitTopLevelAnd } from './licenses.js';
import { sortedPackages, subjectOf, uniqueIds } from './subject.js';

const NOASSERTION = 'NOASSERTION';
const TOOL = `Tool: bulwark-${VERSION}`;

/** SPDXRef-… ids allow only letters, digits, "." and "-". */
export function spdxId(raw: string): string {
  return `SPDXRef-${raw.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120)}`;
}

/** Collects the LicenseRef-… entries a document must define in hasExtractedLicensingInfos. */
class ExtractedLicenses {
  readonly byId = new Map<string, string>();

  /** The LicenseRef id for a free-text license name (distinct texts get distinct ids). */
  refFor(text: string): string {
    const base = licenseRefFor(text);
    let id = base;
    for (let n = 2; this.byId.has(id) && this.byId.get(id) !== text; n++) id = `${base}-${n}`;
    this.byId.set(id, text);
    return id;
  }

  /** Registers LicenseRefs an expression already uses, so the document defines them. */
  noteExpression(expr: string): void {
    const info = parseSpdx(expr);
    if (!info) return;
    for (const id of expressionLicenses(info)) if (id.startsWith('LicenseRef-') && !this.byId.has(id)) this.byId.set(id, id);
  }

  entries(): { licenseId: string; name: string; extractedText: string }[] {
    return [...this.byId].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([licenseId, text]) => ({ licenseId, name: text, extractedText: text }));
  }
}

/** licenseDeclared: several licenses are joined with AND; free text becomes a LicenseRef. */
export function declaredLicense(licenses: readonly string[], refs: ExtractedLicenses): string {
  const uniq = [...new Set(licenses.map((l) => l.trim()).filter(Boolean))];
  if (!uniq.length) return NOASSERTION;
  const parts = uniq.map((l) => {
    const c = classifyLicense(l);
    if (c.kind === 'name') return refs.refFor(c.value);
    if (c.kind === 'expression') {
      refs.noteExpression(c.value);
      // parentheses keep a compound expression whole when readSbom() splits the top-level ANDs
      return /\s/.test(c.value) && (uniq.length > 1 || splitTopLevelAnd(c.value).length > 1) ? `(${c.value})` : c.value;
    }
    return c.value;
  });
  return parts.join(' AND ');
}

function annotations(props: { name: string; value: string }[], date: string): Record<string, string>[] {
  return props.map((p) => ({ annotationDate: date, annotationType: 'OTHER', annotator: TOOL, comment: `${p.name}: ${p.value}` }));
}

function sourceInfo(p: Package): string | undefined {
  const where = p.locations.map((l) => {
    const layer = l.layerIndex !== undefined ? ` in layer ${l.layerIndex + 1}${l.layerDiffId ? ` (${l.layerDiffId})` : ''}` : '';
    return `${l.path}${layer}`;
  });
  return where.length ? `found by ${p.foundBy}: ${where.join(', ')}` : undefined;
}

function libraryPackage(p: Package, id: string, refs: ExtractedLicenses, date: string): Record<string, unknown> {
  return {
    SPDXID: id,
    name: p.name,
    ...(p.version ? { versionInfo: p.version } : {}),
    supplier: NOASSERTION,
    downloadLocation: NOASSERTION,
    filesAnalyzed: false,
    licenseConcluded: NOASSERTION,
    licenseDeclared: declaredLicense(p.licenses, refs),
    copyrightText: NOASSERTION,
    ...(sourceInfo(p) ? { sourceInfo: sourceInfo(p) } : {}),
    ...(p.purl ? { externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: p.purl }] } : {}),
    primaryPackagePurpose: 'LIBRARY',
    annotations: annotations(packageProperties(p), date),
  };
}

function packageKey(p: Package): string {
  const h = createHash('sha256').update(`${p.purl}\0${p.name}\0${p.version}\0${p.locations.map((l) => l.path).join('\0')}`).digest('hex');
  return spdxId(`Package-${p.type}-${p.name}-${h.slice(0, 12)}`);
}

/** Builds the SPDX 2.3 document as a plain object. */
export function spdxDocument(inv: Inventory, opts: SbomWriteOptions = {}): Record<string, unknown> {
  const created = sbomTimestamp(opts);
  const subject = subjectOf(inv);
  const refs = new ExtractedLicenses();
  const rootId = spdxId(`${subject.isImage ? 'Image' : 'Directory'}-${subject.name}`);
  const digest = subject.version && /^sha256:[0-9a-f]{64}$/.test(subject.version) ? subject.version.slice(7) : undefined;
  const root = {
    SPDXID: rootId,
    name: subject.name,
    ...(subject.version ? { versionInfo: subject.version } : {}),
    supplier: NOASSERTION,
    downloadLocation: NOASSERTION,
    filesAnalyzed: false,
    ...(digest ? { checksums: [{ algorithm: 'SHA256', checksumValue: digest }] } : {}),
    licenseConcluded: NOASSERTION,
    licenseDeclared: NOASSERTION,
    copyrightText: NOASSERTION,
    ...(subject.purl ? { externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: subject.purl }] } : {}),
    primaryPackagePurpose: subject.isImage ? 'CONTAINER' : 'OTHER',
    ...(subject.properties.length ? { annotations: annotations(subject.properties, created) } : {}),
  };
  const os = inv.os?.family
    ? {
        SPDXID: spdxId(`OperatingSystem-${inv.os.family}-${inv.os.version}`),
        name: inv.os.family,
        ...(inv.os.version ? { versionInfo: inv.os.version } : {}),
        supplier: NOASSERTION,
        downloadLocation: NOASSERTION,
        filesAnalyzed: false,
        licenseConcluded: NOASSERTION,
        licenseDeclared: NOASSERTION,
        copyrightText: NOASSERTION,
        ...(inv.os.prettyName ? { description: inv.os.prettyName } : {}),
        primaryPackagePurpose: 'OPERATING_SYSTEM',
      }
    : undefined;
  const pkgs = sortedPackages(inv.packages);
  const ids = uniqueIds(pkgs.map(packageKey));
  const packages = pkgs.map((p, i) => libraryPackage(p, ids[i]!, refs, created));
  const contained = [...(os ? [os.SPDXID] : []), ...ids];
  const extracted = refs.entries();
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: subject.name,
    documentNamespace: `https://spdx.org/spdxdocs/bulwark/${encodeURIComponent(subject.name)}-${opts.uuid ?? randomUUID()}`,
    creationInfo: { created, creators: [TOOL] },
    packages: [root, ...(os ? [os] : []), ...packages],
    ...(extracted.length ? { hasExtractedLicensingInfos: extracted } : {}),
    relationships: [
      { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: rootId },
      ...contained.map((id) => ({ spdxElementId: rootId, relationshipType: 'CONTAINS', relatedSpdxElement: id })),
    ],
  };
}

/** Renders the inventory as SPDX 2.3 JSON. */
export function renderSpdx(inv: Inventory, opts: SbomWriteOptions = {}): string {
  return JSON.stringify(spdxDocument(inv, opts), null, 2) + '\n';
}
