/** apk installed database (/lib/apk/db/installed): blank-line separated records of "X:value" lines. */
import type { ParsedPackage } from '../../types.js';

export function parseApkInstalled(text: string): ParsedPackage[] {
  const out: ParsedPackage[] = [];
  let cur: Record<string, string> = {};
  let files: string[] = [];
  let dir = '';
  const flush = (): void => {
    if (cur.P && cur.V) {
      const pkg: ParsedPackage = {
        name: cur.P,
        version: cur.V,
        type: 'apk',
        purl: '',
        sourceName: cur.o || cur.P,
        sourceVersion: cur.V,
        licenses: cur.L ? splitLicense(cur.L) : [],
        arch: cur.A,
        files,
        metadata: {},
      };
      if (cur.m) pkg.metadata!.maintainer = cur.m;
      if (cur.I) pkg.metadata!.installedSize = Number(cur.I);
      if (cur.c) pkg.metadata!.commit = cur.c;
      if (cur.D) pkg.metadata!.depends = cur.D;
      out.push(pkg);
    }
    cur = {};
    files = [];
    dir = '';
  };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line === '') {
      flush();
      continue;
    }
    if (line.length < 2 || line[1] !== ':') continue;
    const k = line[0]!;
    const v = line.slice(2);
    if (k === 'F') dir = v;
    else if (k === 'R') files.push('/' + (dir ? `${dir}/${v}` : v));
    else if (!(k in cur)) cur[k] = v;
  }
  flush();
  return out;
}

/** apk writes licenses as a space separated list or an SPDX expression. */
function splitLicense(l: string): string[] {
  const t = l.trim();
  if (/\b(AND|OR|WITH)\b/.test(t)) return [t];
  return t.split(/\s+/).filter(Boolean);
}
