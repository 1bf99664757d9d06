/**
 * Turns surviving cataloger outputs into packages: locations with the layer that introduced each
 * package, OS purls, licenses from side files, and OS-managed marking of language packages.
 */
import type { Cataloger, OsInfo, Package, ParseResult, ParsedPackage } from '../catalog/types.js';
import { osPurl } from '../catalog/purl.js';
import type { LayerAnalysis } from '../layer/types.js';
import type { SquashedImage } from '../image/squash.js';

const OS_TYPES = new Set(['deb', 'apk', 'rpm']);

function identity(p: ParsedPackage): string {
  return `${p.type}\0${p.name}\0${p.version}\0${p.arch ?? ''}\0${p.subPath ?? ''}`;
}

/** Earliest layer, going back without a gap, whose copy of the same file already listed the package. */
function introducingLayer(sq: SquashedImage, analyzer: string, path: string, layer: number, id: string, memo: Map<unknown, Set<string>>): number {
  const hist = sq.history.get(`${analyzer}\0${path}`);
  if (!hist) return layer;
  let at = hist.findIndex((h) => h.layer === layer);
  let best = layer;
  while (at > 0) {
    const prev = hist[at - 1]!;
    let ids = memo.get(prev.data);
    if (!ids) {
      ids = new Set(((prev.data as ParseResult).packages ?? []).map(identity));
      memo.set(prev.data, ids);
    }
    if (!ids.has(id)) break;
    best = prev.layer;
    at--;
  }
  return best;
}

export function collectPackages(sq: SquashedImage, layers: LayerAnalysis[], catalogers: Cataloger[], os: OsInfo | undefined): Package[] {
  const names = new Set(catalogers.map((c) => c.name));
  const packages: Package[] = [];
  const ownedByPkg = new Map<string, string[]>();
  const licensesByPkg = new Map<string, string[]>();
  const memo = new Map<unknown, Set<string>>();
  for (const o of sq.outputs) {
    if (!names.has(o.analyzer)) continue;
    const r = o.data as ParseResult;
    for (const of of r.ownedFiles ?? []) {
      const k = `${of.type}/${of.name}`;
      ownedByPkg.set(k, (ownedByPkg.get(k) ?? []).concat(of.files));
    }
    for (const l of r.licenses ?? []) licensesByPkg.set(`${l.type}/${l.name}`, l.licenses);
    for (const p of r.packages ?? []) {
      const layer = introducingLayer(sq, o.analyzer, o.path, o.layer, identity(p), memo);
      const { subPath, ...rest } = p;
      const l = layers[layer];
      packages.push({
        ...rest,
        licenses: [...rest.licenses],
        foundBy: o.analyzer,
        locations: [{ path: subPath ?? o.path, ...(l?.diffId ? { layerDiffId: l.diffId, layerIndex: layer } : {}) }],
      });
    }
  }
  const owned = new Set<string>();
  for (const p of packages) {
    if (!OS_TYPES.has(p.type)) continue;
    const k = `${p.type}/${p.name}`;
    if (!p.files?.length && ownedByPkg.has(k)) p.files = ownedByPkg.get(k);
    if (!p.licenses.length && licensesByPkg.has(k)) p.licenses = licensesByPkg.get(k)!;
    p.purl = osPurl(p, os);
    for (const f of p.files ?? []) owned.add(f);
  }
  for (const files of ownedByPkg.values()) for (const f of files) owned.add(f);
  for (const p of packages) {
    if (OS_TYPES.has(p.type)) continue;
    const path = p.locations[0]!.path.split('!')[0]!;
    if (owned.has(path)) p.osManaged = true;
  }
  return dedupe(packages).sort(comparePackages);
}

function dedupe(pkgs: Package[]): Package[] {
  const seen = new Map<string, Package>();
  for (const p of pkgs) {
    const k = `${p.type}\0${p.name}\0${p.version}\0${p.arch ?? ''}\0${p.locations[0]!.path}`;
    if (!seen.has(k)) seen.set(k, p);
  }
  return [...seen.values()];
}

const TYPE_ORDER = ['deb', 'apk', 'rpm'];
function comparePackages(a: Package, b: Package): number {
  const ta = TYPE_ORDER.indexOf(a.type);
  const tb = TYPE_ORDER.indexOf(b.type);
  if (ta !== tb) return (ta === -1 ? 99 : ta) - (tb === -1 ? 99 : tb);
  if (a.type !== b.type) return a.type < b.type ? -1 : 1;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  if (a.version !== b.version) return a.version < b.version ? -1 : 1;
  return a.locations[0]!.path < b.locations[0]!.path ? -1 : 1;
}
