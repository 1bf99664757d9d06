/**
 * VEX documents (--vex): OpenVEX (v0.2.0 and the older string forms) and CycloneDX VEX.
 * A statement that a product is not_affected by (or has fixed) a vulnerability suppresses the
 * findings of that vulnerability on the packages it names, with the justification as reason.
 */
import { readFile } from 'node:fs/promises';
import { PackageURL } from 'packageurl-js';
import { BulwarkError } from '../shared/errors.js';
import type { Suppression } from './ignore.js';
import type { Finding } from './match/types.js';

export interface VexStatement {
  vulnerability: string;
  aliases: string[];
  /** purls (or bom-refs) of the products / affected components; empty = any */
  products: string[];
  subcomponents: string[];
  status: 'not_affected' | 'fixed' | 'affected' | 'under_investigation';
  reason: string;
  source: string;
}

type Json = Record<string, unknown>;
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const idOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'object' && v ? (((v as Json)['@id'] ?? (v as Json).name) as string | undefined) : undefined);

function fromOpenVex(doc: Json, source: string): VexStatement[] {
  const out: VexStatement[] = [];
  for (const s of asArray(doc.statements) as Json[]) {
    const vuln = s.vulnerability;
    const name = typeof vuln === 'string' ? vuln : ((vuln as Json)?.name as string | undefined) ?? ((vuln as Json)?.['@id'] as string | undefined);
    if (!name) continue;
    const aliases = typeof vuln === 'object' && vuln ? (asArray((vuln as Json).aliases).filter((x) => typeof x === 'string') as string[]) : [];
    const status = String(s.status ?? '') as VexStatement['status'];
    const products = asArray(s.products).map(idOf).filter((x): x is string => !!x);
    const subs = [...asArray(s.subcomponents), ...asArray(s.products).flatMap((p) => asArray((p as Json)?.subcomponents))].map(idOf).filter((x): x is string => !!x);
    const reason = [s.justification, s.impact_statement, s.status_notes].filter((x) => typeof x === 'string').join(': ') || status;
    out.push({ vulnerability: name, aliases, products, subcomponents: subs, status, reason, source });
  }
  return out;
}

const CDX_STATE: Record<string, VexStatement['status']> = {
  not_affected: 'not_affected',
  false_positive: 'not_affected',
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
  exploitable: 'affected',
  in_triage: 'under_investigation',
};

function fromCycloneDx(doc: Json, source: string): VexStatement[] {
  const refToPurl = new Map<string, string>();
  for (const c of asArray(doc.components) as Json[]) if (c?.['bom-ref'] && c.purl) refToPurl.set(String(c['bom-ref']), String(c.purl));
  const out: VexStatement[] = [];
  for (const v of asArray(doc.vulnerabilities) as Json[]) {
    const analysis = (v.analysis ?? {}) as Json;
    const status = CDX_STATE[String(analysis.state ?? '')];
    if (!v.id || !status) continue;
    const affects = (asArray(v.affects) as Json[]).map((a) => String(a.ref ?? '')).filter(Boolean).map((r) => refToPurl.get(r) ?? r);
    const reason = [analysis.justification, analysis.detail].filter((x) => typeof x === 'string').join(': ') || String(analysis.state);
    out.push({ vulnerability: String(v.id), aliases: [], products: [], subcomponents: affects, status, reason, source });
  }
  return out;
}

/** Parses a VEX document (OpenVEX or CycloneDX) into statements. */
export function parseVex(text: string, file: string): VexStatement[] {
  let doc: Json;
  try {
    doc = JSON.parse(text) as Json;
  } catch (err) {
    throw new BulwarkError('USAGE', `VEX file ${file} is not valid JSON (${(err as Error).message})`);
  }
  if (typeof doc !== 'object' || doc === null) throw new BulwarkError('USAGE', `VEX file ${file} is not a JSON object`);
  if (doc.bomFormat === 'CycloneDX') return fromCycloneDx(doc, file);
  if (String(doc['@context'] ?? '').includes('openvex') || Array.isArray(doc.statements)) return fromOpenVex(doc, file);
  throw new BulwarkError('USAGE', `VEX file ${file} is neither OpenVEX nor CycloneDX`);
}

export async function loadVex(file: string): Promise<VexStatement[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new BulwarkError('NOT_FOUND', `VEX file ${file} cannot be read`);
  }
  return parseVex(text, file);
}

/** Does a VEX product/component reference name this package? purls compare on type, namespace, name and (if given) version. */
export function refMatches(ref: string, f: Finding, imageRefs: string[]): boolean {
  if (imageRefs.includes(ref)) return true;
  if (!ref.startsWith('pkg:')) return false;
  try {
    const want = PackageURL.fromString(ref);
    const have = PackageURL.fromString(f.pkg.purl);
    if (want.type !== have.type || (want.namespace ?? '') !== (have.namespace ?? '') || want.name !== have.name) return false;
    return !want.version || want.version === have.version || decodeURIComponent(want.version) === f.pkg.version;
  } catch {
    return false;
  }
}

/** Applies not_affected / fixed statements. imageRefs names the scanned image (pkg:oci purl, reference). */
export function applyVex(findings: Finding[], statements: VexStatement[], imageRefs: string[] = []): { kept: Finding[]; suppressed: Suppression[] } {
  const kept: Finding[] = [];
  const suppressed: Suppression[] = [];
  const closing = statements.filter((s) => s.status === 'not_affected' || s.status === 'fixed');
  for (const f of findings) {
    const ids = new Set([f.id, ...f.aliases]);
    const s = closing.find((st) => {
      if (!ids.has(st.vulnerability) && !st.aliases.some((a) => ids.has(a))) return false;
      const productOk = st.products.length === 0 || st.products.some((p) => refMatches(p, f, imageRefs) || imageRefs.length === 0 || p.startsWith('pkg:oci/'));
      const subOk = st.subcomponents.length === 0 || st.subcomponents.some((p) => refMatches(p, f, imageRefs));
      // a statement naming only products (no subcomponents) applies to the product's own packages when the product is a package
      const productIsPkg = st.subcomponents.length === 0 && st.products.some((p) => refMatches(p, f, []));
      return (productOk && subOk) || productIsPkg;
    });
    if (s) suppressed.push({ finding: f, by: 'vex', reason: `${s.status}${s.reason && s.reason !== s.status ? ` (${s.reason})` : ''} [${s.source}]` });
    else kept.push(f);
  }
  return { kept, suppressed };
}
