/** Builds golang packages (dependencies, main module, stdlib) from a binary's decoded build info. */
import { purl } from '../../purl.js';
import type { ParsedPackage } from '../../types.js';
import type { RawBuildInfo } from './parse-buildinfo.js';
import { parseModInfo, type GoModule } from './parse-modinfo.js';

/**
 * Toolchain version as a module-style semver: go1.21.5 -> v1.21.5, go1.20 -> v1.20.0,
 * go1.22rc1 -> v1.22.0-rc.1 (the form the Go vulnerability database uses). Experiments after a space
 * ("go1.21.5 X:boringcrypto") are dropped; development toolchains give undefined.
 */
export function stdlibVersion(goVersion: string): string | undefined {
  const m = /^go(\d+)\.(\d+)(?:\.(\d+))?(?:(rc|beta)(\d+))?(?:[ -].*)?$/.exec(goVersion.trim());
  if (!m) return undefined;
  const pre = m[4] ? `-${m[4]}.${m[5]}` : '';
  return `v${m[1]}.${m[2]}.${m[3] ?? '0'}${pre}`;
}

const LDFLAGS_VERSION = /-X\s*=?\s*['"]?[\w./-]*\.(?:[Vv]ersion|VERSION|gitVersion)=['"]?(v?\d+\.\d+\.\d+[\w.+-]*)/;

/** Main module version from `-X pkg.version=1.2.3` linker flags, for binaries built outside a VCS tag. */
export function versionFromLdflags(ldflags: string | undefined): string | undefined {
  const m = ldflags ? LDFLAGS_VERSION.exec(ldflags) : null;
  if (!m) return undefined;
  return m[1]!.startsWith('v') ? m[1] : `v${m[1]}`;
}

function goPurl(path: string, version: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? purl('golang', undefined, path, version) : purl('golang', path.slice(0, i), path.slice(i + 1), version);
}

function goPackage(path: string, version: string, metadata: Record<string, unknown>): ParsedPackage {
  return { name: path, version, type: 'golang', purl: goPurl(path, version), licenses: [], metadata };
}

function isLocalPath(p: string): boolean {
  return p.startsWith('.') || p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p);
}

/** All packages of one Go binary: every dependency module, the main module (unless "(devel)"), and stdlib. */
export function goPackages(raw: RawBuildInfo): ParsedPackage[] {
  const info = parseModInfo(raw.modinfo);
  const common: Record<string, unknown> = { goVersion: raw.goVersion };
  if (info.main) common.mainModule = info.main.path;
  if (info.settings.GOOS) common.goos = info.settings.GOOS;
  if (info.settings.GOARCH) common.goarch = info.settings.GOARCH;
  const out: ParsedPackage[] = [];
  const localReplacements: string[] = [];
  for (const dep of info.deps) {
    const eff: GoModule = dep.replace ?? dep;
    if (dep.replace && (isLocalPath(dep.replace.path) || !dep.replace.version)) {
      // a replacement by a local directory has no version to match advisories against
      localReplacements.push(`${dep.path} => ${dep.replace.path}`);
      continue;
    }
    if (!eff.version) continue;
    const md: Record<string, unknown> = { ...common };
    if (eff.sum) md.h1Digest = eff.sum;
    if (dep.replace) md.replaces = `${dep.path}@${dep.version}`;
    out.push(goPackage(eff.path, eff.version, md));
  }
  if (info.main) {
    let version = info.main.version;
    let versionFrom = 'buildinfo';
    if (!version || version === '(devel)') {
      version = versionFromLdflags(info.settings['-ldflags']) ?? '';
      versionFrom = 'ldflags';
    }
    if (version) {
      const md: Record<string, unknown> = { ...common, main: true, versionFrom, buildSettings: info.settings };
      if (info.path) md.mainPackage = info.path;
      if (info.main.sum) md.h1Digest = info.main.sum;
      if (localReplacements.length) md.localReplacements = localReplacements;
      out.push(goPackage(info.main.path, version, md));
    }
  }
  const std = stdlibVersion(raw.goVersion);
  if (std) out.push(goPackage('stdlib', std, { ...common }));
  return out;
}
