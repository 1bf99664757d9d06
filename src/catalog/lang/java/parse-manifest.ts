/**
 * META-INF/MANIFEST.MF: "Name: value" headers, 72-byte lines continued by a leading space; the main
 * section ends at the first blank line (per-entry sections follow and are ignored).
 */

/** The main section's attributes. Later duplicates are ignored. */
export function parseManifest(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let last: string | undefined;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    if (raw === '') {
      if (Object.keys(out).length) break;
      continue;
    }
    if (raw.startsWith(' ')) {
      if (last) out[last] += raw.slice(1);
      continue;
    }
    const i = raw.indexOf(':');
    if (i <= 0) {
      last = undefined;
      continue;
    }
    const key = raw.slice(0, i).trim();
    if (key === '__proto__' || key in out) {
      last = undefined;
      continue;
    }
    out[key] = raw.slice(i + 1).trim();
    last = key;
  }
  return out;
}

/** Splits on `sep` outside double quotes. */
function splitOutsideQuotes(s: string, sep: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    if (ch === sep && !quoted) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

/** OSGi Bundle-License: comma-separated licenses (SPDX id, name or URL), each with optional ;params. */
export function parseBundleLicense(value: string | undefined): string[] {
  if (!value) return [];
  const out: string[] = [];
  for (const clause of splitOutsideQuotes(value, ',')) {
    const name = splitOutsideQuotes(clause, ';')[0]!.trim().replace(/^"|"$/g, '').trim();
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}
