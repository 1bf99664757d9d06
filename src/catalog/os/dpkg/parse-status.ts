/** dpkg status files (/var/lib/dpkg/status and distroless /var/lib/dpkg/status.d/*): RFC 822-style stanzas. */
import type { ParsedPackage } from '../../types.js';

/** Splits a control file into stanzas of field -> value (continuation lines joined with \n). */
export function parseControl(text: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  let cur: Record<string, string> = {};
  let last: string | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') {
      if (Object.keys(cur).length) out.push(cur);
      cur = {};
      last = undefined;
      continue;
    }
    if ((line.startsWith(' ') || line.startsWith('\t')) && last) {
      cur[last] += '\n' + line.slice(1);
      continue;
    }
    const i = line.indexOf(':');
    if (i <= 0) continue;
    last = line.slice(0, i).trim();
    cur[last] = line.slice(i + 1).trim();
  }
  if (Object.keys(cur).length) out.push(cur);
  return out;
}

/** "Source: openssl (1.1.1n-0+deb11u3)" -> name + version (version defaults to the binary's). */
export function parseSourceField(source: string | undefined, version: string): { name?: string; version?: string } {
  if (!source) return {};
  const m = /^(\S+)(?:\s+\((.+)\))?$/.exec(source.trim());
  if (!m) return {};
  return { name: m[1], version: m[2] ?? version };
}

function installed(status: string | undefined): boolean {
  if (status === undefined) return true; // status.d files have no Status field
  const parts = status.split(/\s+/);
  // "install ok installed"; also keep half-configured etc. but not config-files / not-installed
  const state = parts[2];
  return state !== 'not-installed' && state !== 'config-files';
}

export function parseDpkgStatus(text: string): ParsedPackage[] {
  const out: ParsedPackage[] = [];
  for (const s of parseControl(text)) {
    const name = s.Package;
    const version = s.Version;
    if (!name || !version || !installed(s.Status)) continue;
    const src = parseSourceField(s.Source, version);
    const epochMatch = /^(\d+):/.exec(version);
    const pkg: ParsedPackage = {
      name,
      version,
      type: 'deb',
      purl: '',
      sourceName: src.name ?? name,
      sourceVersion: src.version ?? version,
      licenses: [],
      arch: s.Architecture,
      metadata: {},
    };
    if (epochMatch) pkg.epoch = Number(epochMatch[1]);
    if (s.Maintainer) pkg.metadata!.maintainer = s.Maintainer;
    if (s['Installed-Size']) pkg.metadata!.installedSize = Number(s['Installed-Size']) * 1024;
    if (s['Depends']) pkg.metadata!.depends = s['Depends'];
    out.push(pkg);
  }
  return out;
}
