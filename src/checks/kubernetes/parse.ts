/**
 * Parses a manifest file (multi-document YAML, JSON, `kind: List`, Helm-rendered output) into
 * objects with line lookup. Input is attacker-controlled: size, document count and alias
 * expansion are capped, and any syntax error becomes one BulwarkError line naming file and document.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { BulwarkError } from '../../shared/errors.js';
import type { K8sObject, NodePath, Obj } from './input.js';
import { extractPod } from './workload.js';

/** Largest manifest file accepted. */
export const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
const MAX_DOCUMENTS = 10_000;
/** Aliases expanded per document (billion-laughs guard; yaml's own default is 100). */
const MAX_ALIASES = 100;

/** Is `v` a plain map? */
export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function firstLine(msg: string): string {
  return msg.split('\n')[0]!.trim();
}

function lineFinder(doc: Document, lc: LineCounter, base: NodePath): (p: NodePath) => number {
  return (p: NodePath) => {
    let node: unknown = doc.contents;
    let offset = (doc.contents as Node | null)?.range?.[0] ?? doc.range?.[0] ?? 0;
    for (const seg of [...base, ...p]) {
      if (isMap(node)) {
        const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(seg));
        if (!pair) break;
        offset = (pair.key as Node).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
        node = node.items[seg];
        offset = (node as Node).range?.[0] ?? offset;
      } else break;
      if (isAlias(node)) break;
    }
    return lc.linePos(offset).line;
  };
}

function helmOrigin(text: string, doc: Document): string | undefined {
  const start = doc.range?.[0] ?? 0;
  const end = (doc.contents as Node | null)?.range?.[0] ?? doc.range?.[1] ?? start;
  const m = /^#\s*Source:\s*(\S.*?)\s*$/m.exec(text.slice(start, end));
  return m?.[1];
}

function toObject(value: Obj, doc: number, path: NodePath, origin: string | undefined, line: (p: NodePath) => number): K8sObject {
  const meta = isObj(value.metadata) ? value.metadata : {};
  const obj: K8sObject = {
    kind: String(value.kind),
    name: typeof meta.name === 'string' ? meta.name : typeof meta.generateName === 'string' ? `${meta.generateName}*` : '(unnamed)',
    namespace: typeof meta.namespace === 'string' ? meta.namespace : undefined,
    doc,
    origin,
    value,
    path,
    line: (p) => line([...path, ...p]),
  };
  obj.pod = extractPod(value);
  return obj;
}

/** Parses manifest text; throws MALFORMED_CONFIG (one line, file and document) or TOO_LARGE. */
export function parseManifests(text: string, path: string): { objects: K8sObject[]; warnings: string[] } {
  if (Buffer.byteLength(text) > MAX_MANIFEST_BYTES) {
    throw new BulwarkError('TOO_LARGE', `${path}: manifest is larger than ${MAX_MANIFEST_BYTES} bytes`);
  }
  const lc = new LineCounter();
  let list: Document[];
  try {
    const docs = parseAllDocuments(text, { lineCounter: lc, uniqueKeys: false });
    list = Array.isArray(docs) ? docs : [];
  } catch (e) {
    // deeply nested input can exhaust the parser's stack
    throw new BulwarkError('MALFORMED_CONFIG', `${path}: ${firstLine((e as Error).message)}`, e);
  }
  if (list.length > MAX_DOCUMENTS) throw new BulwarkError('TOO_LARGE', `${path}: more than ${MAX_DOCUMENTS} YAML documents`);
  const objects: K8sObject[] = [];
  const warnings: string[] = [];
  for (const [i, doc] of list.entries()) {
    const n = i + 1;
    const err = doc.errors[0];
    if (err) throw new BulwarkError('MALFORMED_CONFIG', `${path}: document ${n}: ${firstLine(err.message)}`);
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (e) {
      throw new BulwarkError('MALFORMED_CONFIG', `${path}: document ${n}: ${firstLine((e as Error).message)}`, e);
    }
    if (value === null || value === undefined) continue;
    const line = lineFinder(doc, lc, []);
    const origin = helmOrigin(text, doc);
    if (!isObj(value) || typeof value.kind !== 'string') {
      warnings.push(`${path}: document ${n} is not a Kubernetes object (no kind); skipped`);
      continue;
    }
    if (value.kind.endsWith('List') && Array.isArray(value.items)) {
      for (const [j, item] of value.items.entries()) {
        if (isObj(item) && typeof item.kind === 'string') objects.push(toObject(item, n, ['items', j], origin, line));
        else warnings.push(`${path}: document ${n} item ${j} has no kind; skipped`);
      }
      continue;
    }
    objects.push(toObject(value, n, [], origin, line));
  }
  return { objects, warnings };
}
