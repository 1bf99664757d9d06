/** What the SBOM readers share: the result type, schema checking and OS inference from purls. */
import type { z } from 'zod';
import type { OsInfo, Package } from '../catalog/types.js';
import { BulwarkError } from '../shared/errors.js';
import { isOsPackageType } from './read-package.js';
import { osFromPurl, parsePurl } from './read-purl.js';

/** An SBOM read back as an inventory: what it describes, its OS and its packages. */
export interface SbomInput {
  format: 'cyclonedx' | 'spdx';
  specVersion: string;
  /** the tool that wrote it, when the document says (bulwark, trivy, syft …) */
  tool?: string;
  /** what the SBOM describes: image name, its digest, its purl */
  target: { name: string; version?: string; purl?: string };
  os?: OsInfo;
  packages: Package[];
  /** entries that could not be read, counted by reason */
  warnings: string[];
}

/** Validates parsed JSON against a schema, as a one-line BulwarkError naming the first problem. */
export function checked<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  const res = schema.safeParse(raw);
  if (res.success) return res.data;
  const issue = res.error.issues[0]!;
  const at = issue.path.length ? issue.path.join('.') : '(root)';
  throw new BulwarkError('MALFORMED_MANIFEST', `${what} is malformed: ${at}: ${issue.message}`);
}

/** The distribution most OS packages name in their purl's distro qualifier. */
export function inferOs(packages: readonly Package[]): OsInfo | undefined {
  const votes = new Map<string, { os: OsInfo; n: number }>();
  for (const p of packages) {
    if (!isOsPackageType(p.type)) continue;
    const facts = parsePurl(p.purl);
    const os = facts && osFromPurl(facts);
    if (!os) continue;
    const key = `${os.family}\0${os.version}`;
    const v = votes.get(key) ?? { os, n: 0 };
    v.n++;
    votes.set(key, v);
  }
  let best: { os: OsInfo; n: number } | undefined;
  for (const v of votes.values()) if (!best || v.n > best.n) best = v;
  return best?.os;
}
