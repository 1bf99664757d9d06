/**
 * Ecosystem and package-name keys used by the store. OSV writes release-qualified ecosystems
 * ('Debian:11', 'Alpine:v3.11', 'Ubuntu:20.04:LTS'); the base is the part before the first colon.
 */

/** 'Debian:11' -> 'Debian', 'Ubuntu:Pro:18.04:LTS' -> 'Ubuntu', 'PyPI' -> 'PyPI'. */
export function baseEcosystem(ecosystem: string): string {
  const i = ecosystem.indexOf(':');
  return i < 0 ? ecosystem : ecosystem.slice(0, i);
}

/**
 * The lookup key of a package name. PyPI names compare after PEP 503 normalisation
 * (runs of '-', '_', '.' become one '-', lowercase); every other ecosystem compares as written,
 * because their names are case-sensitive (Go modules, Maven coordinates, npm scopes).
 */
export function normalizePackageName(ecosystem: string, name: string): string {
  if (baseEcosystem(ecosystem) === 'PyPI') return name.replace(/[-_.]+/g, '-').toLowerCase();
  return name;
}
