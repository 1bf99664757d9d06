/**
 * Compose YAML → services with line numbers. Input is attacker-controlled: size is capped, YAML
 * errors (including over-deep nesting) and non-compose documents are one-line BulwarkErrors
 * naming the file, and alias expansion is bounded by a node budget so alias bombs fail fast.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { BulwarkError } from '../../shared/errors.js';
import type { ComposeCheckInput, ComposeField, ComposeService, Located } from './input.js';

export const MAX_COMPOSE_BYTES = 2 * 1024 * 1024;
/** Nodes visited while resolving services; a real compose file needs a few thousand. */
const NODE_BUDGET = 200_000;

interface Ctx {
  doc: Document;
  lc: LineCounter;
  path: string;
  budget: number;
}

function malformed(path: string, msg: string): never {
  throw new BulwarkError('MALFORMED_MANIFEST', `${path}: ${msg}`);
}

function spend(ctx: Ctx): void {
  if (--ctx.budget < 0) malformed(ctx.path, 'too many YAML nodes after alias expansion (alias bomb?)');
}

function deref(ctx: Ctx, node: unknown, depth = 0): unknown {
  spend(ctx);
  if (isAlias(node)) {
    if (depth > 50) malformed(ctx.path, 'alias chain too deep');
    return deref(ctx, node.resolve(ctx.doc), depth + 1);
  }
  return node;
}

function lineOf(ctx: Ctx, node: unknown): number {
  const r = (node as Node | undefined)?.range;
  return r ? ctx.lc.linePos(r[0]).line : 0;
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (key.value === '<<' || typeof key.value === 'symbol');
}

/** A mapping's pairs with `<<` merges applied (explicit keys win, earlier merges win). */
function pairs(ctx: Ctx, map: YAMLMap, depth = 0): Pair[] {
  if (depth > 20) malformed(ctx.path, 'merge keys nested too deep');
  const own: Pair[] = [];
  const merged: Pair[] = [];
  for (const p of map.items) {
    spend(ctx);
    if (!isMergeKey(p.key)) {
      own.push(p);
      continue;
    }
    const src = deref(ctx, p.value);
    const sources = isSeq(src) ? src.items.map((i) => deref(ctx, i)) : [src];
    for (const s of sources) if (isMap(s)) for (const q of pairs(ctx, s, depth + 1)) merged.push(q);
  }
  const seen = new Set<string>();
  const out: Pair[] = [];
  for (const p of [...own, ...merged]) {
    const k = String(isScalar(p.key) ? p.key.value : p.key);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(p);
  }
  return out;
}

/** Plain JS value of a node, aliases and merges resolved, within the budget. */
function toValue(ctx: Ctx, node: unknown, depth = 0): unknown {
  if (depth > 64) malformed(ctx.path, 'YAML nested too deep');
  const n = deref(ctx, node);
  if (isScalar(n)) return n.value;
  if (isSeq(n)) return n.items.map((i) => toValue(ctx, i, depth + 1));
  if (isMap(n)) {
    const o: Record<string, unknown> = {};
    for (const p of pairs(ctx, n)) o[String(isScalar(p.key) ? p.key.value : p.key)] = toValue(ctx, p.value, depth + 1);
    return o;
  }
  return n ?? null;
}

function field(ctx: Ctx, pair: Pair): ComposeField {
  const n = deref(ctx, pair.value);
  const f: ComposeField = { value: toValue(ctx, pair.value), line: lineOf(ctx, pair.value) || lineOf(ctx, pair.key) };
  if (isSeq(n)) f.items = n.items.map((i): Located => ({ value: toValue(ctx, i), line: lineOf(ctx, i) || f.line }));
  if (isMap(n)) f.entries = pairs(ctx, n).map((p) => ({ key: String(isScalar(p.key) ? p.key.value : p.key), value: toValue(ctx, p.value), line: lineOf(ctx, p.key) || f.line }));
  return f;
}

/** Parses compose YAML. Throws MALFORMED_MANIFEST for bad YAML and USAGE for YAML that is not a compose file. */
export function parseCompose(text: string, path: string): ComposeCheckInput {
  if (Buffer.byteLength(text, 'utf8') > MAX_COMPOSE_BYTES) malformed(path, `compose file is larger than ${MAX_COMPOSE_BYTES / 1024 / 1024} MiB`);
  const lc = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lc, merge: true, uniqueKeys: false, prettyErrors: false });
  } catch (err) {
    malformed(path, `not valid YAML (${(err as Error).message.split('\n')[0]})`);
  }
  const e = doc.errors[0];
  if (e) malformed(path, `not valid YAML (${e.message.split('\n')[0]})`);
  const ctx: Ctx = { doc, lc, path, budget: NODE_BUDGET };
  const root = deref(ctx, doc.contents);
  const servicesPair = isMap(root) ? pairs(ctx, root).find((p) => isScalar(p.key) && p.key.value === 'services') : undefined;
  const services = deref(ctx, servicesPair?.value);
  if (!servicesPair || !(isMap(services) || (isScalar(services) && services.value === null))) {
    throw new BulwarkError('USAGE', `${path}: not a compose file (no top-level "services" mapping)`);
  }
  const out: ComposeService[] = [];
  for (const p of isMap(services) ? pairs(ctx, services) : []) {
    const svc = deref(ctx, p.value);
    const fields: Record<string, ComposeField> = {};
    if (isMap(svc)) for (const f of pairs(ctx, svc)) fields[String(isScalar(f.key) ? f.key.value : f.key)] = field(ctx, f);
    out.push({ name: String(isScalar(p.key) ? p.key.value : p.key), line: lineOf(ctx, p.key), fields });
  }
  return { path, services: out };
}
