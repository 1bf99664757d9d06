/**
 * Licenses from /usr/share/doc/<pkg>/copyright: the "License:" fields of machine-readable (DEP-5)
 * files, and references to /usr/share/common-licenses/<name> in free-form ones.
 */

const COMMON = /\/usr\/share\/common-licenses\/([A-Za-z0-9.+-]+)/g;

export function parseCopyrightLicenses(text: string): string[] {
  const found: string[] = [];
  const add = (l: string): void => {
    const v = l.trim().replace(/[.,;]$/, '');
    if (v && !found.includes(v)) found.push(v);
  };
  for (const line of text.split('\n')) {
    const m = /^License:\s*(.+)$/.exec(line);
    if (m) {
      // "GPL-2+ or Artistic" stays one expression; keep only the short first line
      add(m[1]!);
    }
  }
  for (const m of text.matchAll(COMMON)) {
    const name = m[1]!.replace(/\.$/, '');
    if (!found.some((f) => f.startsWith(name))) add(name);
  }
  return found;
}
