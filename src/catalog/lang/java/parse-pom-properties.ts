/** META-INF/maven/<groupId>/<artifactId>/pom.properties, written by Maven into every artifact it builds. */

export interface PomProperties {
  groupId: string;
  artifactId: string;
  version: string;
  /** path of the file inside its archive */
  path: string;
}

/** Parses a Java properties file (key=value or key: value, # and ! comments, no escapes needed here). */
export function parseProperties(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    const m = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (m) out.set(m[1]!, m[2]!.trim());
  }
  return out;
}

/** The coordinates in a pom.properties, or undefined when any of them is missing. */
export function parsePomProperties(text: string, path: string): PomProperties | undefined {
  const p = parseProperties(text);
  const groupId = p.get('groupId');
  const artifactId = p.get('artifactId');
  const version = p.get('version');
  if (!groupId || !artifactId || !version) return undefined;
  return { groupId, artifactId, version, path };
}
