/** Builds a Bulwark package from a decoded RPM header. */
import type { ParsedPackage } from '../../types.js';
import { parseRpmHeader, TAG, type RpmHeader } from './header.js';

/** Longest directory name accepted when joining the file list (Linux PATH_MAX). */
const MAX_DIRNAME = 4096;

/**
 * Splits a source RPM file name into name and version-release:
 * "openssl-1.1.1k-5.el8.src.rpm" -> { name: "openssl", version: "1.1.1k-5.el8" }.
 */
export function parseSourceRpm(sourceRpm: string | undefined): { name?: string; version?: string } {
  if (!sourceRpm) return {};
  const base = sourceRpm.replace(/\.(?:no)?src\.rpm$/, '');
  const relDash = base.lastIndexOf('-');
  const verDash = relDash > 0 ? base.lastIndexOf('-', relDash - 1) : -1;
  if (verDash <= 0) return {};
  return { name: base.slice(0, verDash), version: base.slice(verDash + 1) };
}

/**
 * Absolute paths of the files a package owns: DIRNAMES[DIRINDEXES[i]] + BASENAMES[i] (rpm >= 4.0),
 * or OLDFILENAMES in older headers. The joined list is capped at `budget` characters so a header
 * that points many basenames at one huge dirname cannot blow up memory.
 */
export function rpmFileList(h: RpmHeader, budget: number): string[] {
  const bases = h.strings(TAG.baseNames);
  if (!bases) return h.strings(TAG.oldFilenames) ?? [];
  const dirs = h.strings(TAG.dirNames) ?? [];
  const idx = h.ints(TAG.dirIndexes) ?? [];
  if (idx.length !== bases.length) throw new Error(`rpm file list has ${bases.length} basenames but ${idx.length} dir indexes`);
  const out: string[] = [];
  let used = 0;
  for (let i = 0; i < bases.length; i++) {
    const dir = dirs[idx[i]!];
    if (dir === undefined) throw new Error(`rpm file list has a dir index (${idx[i]}) past ${dirs.length} dirnames`);
    if (dir.length > MAX_DIRNAME) throw new Error('rpm file list has an overlong dirname');
    used += dir.length + bases[i]!.length;
    if (used > budget) throw new Error('rpm file list is larger than its header allows');
    out.push(dir + bases[i]);
  }
  return out;
}

/** One package from a header blob; undefined for gpg-pubkey pseudo-packages (imported signing keys). */
export function rpmPackageFromBlob(blob: Buffer): ParsedPackage | undefined {
  const h = parseRpmHeader(blob);
  const name = h.string(TAG.name);
  const version = h.string(TAG.version);
  if (!name || !version) throw new Error('rpm header has no name or version');
  if (name === 'gpg-pubkey') return undefined;
  const release = h.string(TAG.release);
  const epoch = h.int(TAG.epoch);
  const sourceRpm = h.string(TAG.sourceRpm);
  const src = parseSourceRpm(sourceRpm);
  const license = h.string(TAG.license);
  const vendor = h.string(TAG.vendor);
  const size = h.int(TAG.longSize) ?? h.int(TAG.size);
  const modularityLabel = h.string(TAG.modularityLabel);
  const metadata: Record<string, unknown> = {};
  if (sourceRpm) metadata.sourceRpm = sourceRpm;
  if (vendor) metadata.vendor = vendor;
  if (size !== undefined) metadata.installedSize = size;
  if (modularityLabel) metadata.modularityLabel = modularityLabel;
  const pkg: ParsedPackage = {
    name,
    version: release ? `${version}-${release}` : version,
    type: 'rpm',
    purl: '',
    licenses: license ? [license] : [],
    // budget: paths may repeat dirnames, so allow some expansion over the header size
    files: rpmFileList(h, 16 * blob.length + 65536),
    metadata,
  };
  if (src.name) pkg.sourceName = src.name;
  if (src.version) pkg.sourceVersion = src.version;
  const arch = h.string(TAG.arch);
  if (arch) pkg.arch = arch;
  if (epoch !== undefined) pkg.epoch = epoch;
  if (release) pkg.release = release;
  return pkg;
}
