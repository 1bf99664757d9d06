/**
 * CycloneDX 1.6 JSON writer. The image is metadata.component (type "container"), the OS is an
 * "operating-system" component and every package a "library" component whose properties carry what
 * the format has no field for (layer, path, cataloger); readSbom() reads them back losslessly.
 */
import { randomUUID } from 'node:crypto';
import type { Inventory } from '../app/inventory.js';
import type { Package } from '../catalog/types.js';
import { VERSION } from '../shared/version.js';
import { classifyLicense } from './licenses.js';
import { sortedPackages, subjectOf, uniqueIds } from './subject.js';

/** Volatile fields, fixed by tests and reproducible builds. */
export interface SbomWriteOptions {
  /** defaults to now (or SOURCE_DATE_EPOCH when set) */
  timestamp?: Date;
  /** a UUID; defaults to a random one */
  uuid?: string;
}

type Property = { name: string; value: string };
type CdxLicense = { license: { id: string } | { name: string } } | { expression: string };

/** The creation time: the option, else SOURCE_DATE_EPOCH, else now; second precision, UTC. */
export function sbomTimestamp(opts: SbomWriteOptions): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const d = opts.timestamp ?? (epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date());
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** CycloneDX allows either license objects or exactly one expression. */
export function cdxLicenses(licenses: readonly string[]): CdxLicense[] | undefined {
  const uniq = [...new Set(licenses.map((l) => l.trim()).filter(Boolean))];
  if (!uniq.length) return undefined;
  const choices = uniq.map(classifyLicense);
  if (choices.length === 1 && choices[0]!.kind === 'expression') return [{ expression: choices[0]!.value }];
  return choices.map((c) => ({ license: c.kind === 'id' ? { id: c.value } : { name: c.value } }));
}

/** Properties of one package; per location: path, then its layer. */
export function packageProperties(p: Package): Property[] {
  const props: Property[] = [{ name: 'bulwark:package:type', value: p.type }];
  if (p.sourceName) props.push({ name: 'bulwark:source:name', value: p.sourceName });
  if (p.sourceVersion) props.push({ name: 'bulwark:source:version', value: p.sourceVersion });
  props.push({ name: 'bulwark:found-by', value: p.foundBy });
  if (p.osManaged) props.push({ name: 'bulwark:os-managed', value: 'true' });
  for (const loc of p.locations) {
    props.push({ name: 'bulwark:location:path', value: loc.path });
    if (loc.layerDiffId) props.push({ name: 'bulwark:layer:diffID', value: loc.layerDiffId });
    if (loc.layerIndex !== undefined) props.push({ name: 'bulwark:layer:index', value: String(loc.layerIndex) });
  }
  return props;
}

function libraryComponent(p: Package, ref: string): Record<string, unknown> {
  const maintainer = typeof p.metadata?.maintainer === 'string' ? p.metadata.maintainer : undefined;
  return {
    'bom-ref': ref,
    type: 'library',
    ...(maintainer ? { publisher: maintainer } : {}),
    name: p.name,
    ...(p.version ? { version: p.version } : {}),
    ...(cdxLicenses(p.licenses) ? { licenses: cdxLicenses(p.licenses) } : {}),
    ...(p.purl ? { purl: p.purl } : {}),
    properties: packageProperties(p),
  };
}

function osComponent(inv: Inventory): Record<string, unknown> | undefined {
  const os = inv.os;
  if (!os?.family) return undefined;
  const props: Property[] = [];
  if (os.versionId) props.push({ name: 'bulwark:os:versionID', value: os.versionId });
  if (os.codename) props.push({ name: 'bulwark:os:codename', value: os.codename });
  if (os.name) props.push({ name: 'bulwark:os:name', value: os.name });
  for (const like of os.like ?? []) props.push({ name: 'bulwark:os:like', value: like });
  return {
    'bom-ref': `os:${os.family}@${os.version}`,
    type: 'operating-system',
    name: os.family,
    ...(os.version ? { version: os.version } : {}),
    ...(os.prettyName ? { description: os.prettyName } : {}),
    ...(props.length ? { properties: props } : {}),
  };
}

/** Builds the CycloneDX 1.6 document as a plain object. */
export function cyclonedxDocument(inv: Inventory, opts: SbomWriteOptions = {}): Record<string, unknown> {
  const subject = subjectOf(inv);
  const rootRef = subject.purl ?? `bulwark:target:${subject.name}`;
  const pkgs = sortedPackages(inv.packages);
  const refs = uniqueIds(
    pkgs.map((p) => p.purl || `bulwark:package:${p.type}/${p.name}@${p.version}`),
    (id, n) => `${id}${id.includes('?') ? '&' : '?'}package-id=${n}`,
  );
  const os = osComponent(inv);
  const components = [...(os ? [os] : []), ...pkgs.map((p, i) => libraryComponent(p, refs[i]!))];
  return {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${opts.uuid ?? randomUUID()}`,
    version: 1,
    metadata: {
      timestamp: sbomTimestamp(opts),
      tools: { components: [{ type: 'application', name: 'bulwark', version: VERSION }] },
      component: {
        'bom-ref': rootRef,
        type: subject.isImage ? 'container' : 'file',
        name: subject.name,
        ...(subject.version ? { version: subject.version } : {}),
        ...(subject.purl ? { purl: subject.purl } : {}),
        ...(subject.properties.length ? { properties: subject.properties } : {}),
      },
    },
    components,
    dependencies: [{ ref: rootRef, dependsOn: components.map((c) => c['bom-ref'] as string) }],
  };
}

/** Renders the inventory as CycloneDX 1.6 JSON. */
export function renderCycloneDx(inv: Inventory, opts: SbomWriteOptions = {}): string {
  return JSON.stringify(cyclonedxDocument(inv, opts), null, 2) + '\n';
}
