/**
 * Gemfile.lock (and gems.locked): the `specs:` of GEM sections (gems from a gem server) and GIT
 * sections (gems built from a git checkout). PATH sections are the project's own gems and are skipped.
 * Each spec is a 4-space indented "name (version)" line; deeper lines are its dependencies.
 */
import type { ParsedPackage } from '../../types.js';
import { gemPackage } from './package.js';

const SPEC = /^ {4}([^\s()]+) \(([^()\s]+)\)$/;
// ruby platforms as bundler appends them to a version: "1.13.10-x86_64-linux", "9.4.3.0-java"
const PLATFORM = /-((?:java|jruby|dalvik\d*|mswin\w*|mingw\w*|x64|x86\w*|i[3-6]86|arm\w*|aarch64|universal|powerpc\w*|ppc\w*|s390\w*|sparc\w*|riscv\w*|darwin|linux|freebsd)(?:-[\w.-]+)?)$/;

/** "1.13.10-x86_64-linux" -> version 1.13.10, platform x86_64-linux. */
export function splitPlatform(raw: string): { version: string; platform?: string } {
  const m = PLATFORM.exec(raw);
  return m ? { version: raw.slice(0, m.index), platform: m[1] } : { version: raw };
}

/** A gem locked for several platforms is one package; metadata.platform then lists them all, comma-separated. */
function addPlatform(pkg: ParsedPackage, platform: string | undefined): void {
  const list = String(pkg.metadata?.platform ?? 'ruby').split(',');
  const p = platform ?? 'ruby';
  if (!list.includes(p)) pkg.metadata = { ...pkg.metadata, platform: [...list, p].join(',') };
}

/** Parses a Gemfile.lock and returns the gems of its GEM and GIT sections. */
export function parseGemfileLock(text: string): ParsedPackage[] {
  const out: ParsedPackage[] = [];
  const seen = new Map<string, ParsedPackage>();
  let section = '';
  let inSpecs = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line && !line.startsWith(' ')) {
      section = line.trim();
      inSpecs = false;
      continue;
    }
    if (line === '  specs:') {
      inSpecs = section === 'GEM' || section === 'GIT';
      continue;
    }
    if (!inSpecs || line.length > 1024) continue;
    const m = SPEC.exec(line);
    if (!m) continue;
    const { version, platform } = splitPlatform(m[2]!);
    const id = `${m[1]}@${version}`;
    const prev = seen.get(id);
    if (prev) {
      addPlatform(prev, platform);
      continue;
    }
    const pkg = gemPackage(m[1]!, version, [], platform);
    seen.set(id, pkg);
    if (section === 'GIT') pkg.metadata = { ...pkg.metadata, source: 'git' };
    out.push(pkg);
  }
  return out;
}
