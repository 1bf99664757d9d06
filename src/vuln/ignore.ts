/**
 * The ignore file (--ignorefile, YAML): suppress findings by ID or by package pattern, each with a
 * reason and an optional expiry. An expired entry stops suppressing and is reported as a warning.
 *
 *   ignore:
 *     - id: CVE-2023-4863
 *       reason: image never decodes WebP
 *       expires: 2027-01-31
 *     - package: "pkg:npm/lodash@*"     # purl or name glob, optional version
 *       id: GHSA-*                      # optional: only these IDs for that package
 *       reason: dev-only dependency
 */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { BulwarkError } from '../shared/errors.js';
import type { Finding } from './match/types.js';

const entrySchema = z
  .object({
    id: z.string().min(1).optional(),
    package: z.string().min(1).optional(),
    path: z.string().min(1).optional(),
    reason: z.string().min(1, 'every entry needs a reason'),
    expires: z.union([z.string(), z.date()]).optional(),
  })
  .refine((e) => e.id || e.package || e.path, 'an entry needs id, package or path');

const fileSchema = z.object({ ignore: z.array(entrySchema) });

export interface IgnoreRule {
  id?: string;
  package?: string;
  path?: string;
  reason: string;
  expires?: Date;
}

export interface Suppression {
  finding: Finding;
  by: 'ignorefile' | 'vex';
  reason: string;
}

/** Shell-style glob (* and ?) to an anchored, linear-time regex. */
export function globToRegExp(glob: string): RegExp {
  const esc = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${esc}$`, 'i');
}

function parseDate(v: string | Date | undefined, where: string): Date | undefined {
  if (v === undefined) return undefined;
  const d = v instanceof Date ? v : new Date(`${v}`.length === 10 ? `${v}T23:59:59Z` : v);
  if (Number.isNaN(d.getTime())) throw new BulwarkError('USAGE', `${where}: invalid expires date ${JSON.stringify(v)}`);
  return d;
}

/** Parses ignore-file text; one-line USAGE errors name the file and entry. */
export function parseIgnoreFile(text: string, file: string): IgnoreRule[] {
  let raw: unknown;
  try {
    raw = parseYaml(text, { maxAliasCount: 100 });
  } catch (err) {
    throw new BulwarkError('USAGE', `${file} is not valid YAML (${(err as Error).message.split('\n')[0]})`);
  }
  const res = fileSchema.safeParse(raw ?? { ignore: [] });
  if (!res.success) {
    const i = res.error.issues[0]!;
    throw new BulwarkError('USAGE', `${file}: ${i.path.join('.') || '(root)'}: ${i.message}`);
  }
  return res.data.ignore.map((e, n) => ({ id: e.id, package: e.package, path: e.path, reason: e.reason, expires: parseDate(e.expires, `${file}: ignore.${n}`) }));
}

export async function loadIgnoreFile(file: string): Promise<IgnoreRule[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new BulwarkError('NOT_FOUND', `ignore file ${file} cannot be read`);
  }
  return parseIgnoreFile(text, file);
}

function packageMatches(pattern: string, f: Finding): boolean {
  const re = globToRegExp(pattern);
  if (pattern.startsWith('pkg:')) {
    const purlNoQ = f.pkg.purl.split('?')[0]!;
    const [base] = purlNoQ.split('@');
    return re.test(purlNoQ) || re.test(base!) || re.test(f.pkg.purl);
  }
  return re.test(f.pkg.name) || (f.pkg.sourceName !== undefined && re.test(f.pkg.sourceName));
}

function ruleMatches(r: IgnoreRule, f: Finding): boolean {
  if (r.id) {
    const re = globToRegExp(r.id);
    if (![f.id, ...f.aliases].some((x) => re.test(x))) return false;
  }
  if (r.package && !packageMatches(r.package, f)) return false;
  if (r.path && !(f.pkg.path && globToRegExp(r.path).test(f.pkg.path))) return false;
  return true;
}

/** Splits findings into kept and suppressed; expired rules become warnings. */
export function applyIgnoreRules(findings: Finding[], rules: IgnoreRule[], now = new Date()): { kept: Finding[]; suppressed: Suppression[]; warnings: string[] } {
  const warnings: string[] = [];
  const active = rules.filter((r) => {
    if (r.expires && r.expires < now) {
      warnings.push(`ignore entry ${r.id ?? r.package ?? r.path} expired on ${r.expires.toISOString().slice(0, 10)}: no longer applied`);
      return false;
    }
    return true;
  });
  const kept: Finding[] = [];
  const suppressed: Suppression[] = [];
  for (const f of findings) {
    const r = active.find((x) => ruleMatches(x, f));
    if (r) suppressed.push({ finding: f, by: 'ignorefile', reason: r.reason });
    else kept.push(f);
  }
  return { kept, suppressed, warnings };
}
