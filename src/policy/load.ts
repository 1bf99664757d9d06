/**
 * Reading a policy file: YAML → schema validation → key files read. Every problem is one line naming
 * the file, the path inside it and what is wrong, e.g.
 *   policy.yaml: rules.vulnerabilities.maxSeverity: must be one of CRITICAL, HIGH, MEDIUM, LOW, NEGLIGIBLE, UNKNOWN (got "SEVERE")
 * and is a USAGE error (exit 2).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { BulwarkError } from '../shared/errors.js';
import { API_VERSION, policySchema } from './schema.js';
import type { Policy } from './types.js';

export interface LoadedPolicy {
  policy: Policy;
  /** the file it came from */
  file: string;
  /** advice that does not invalidate the policy (repository patterns that can never match …) */
  warnings: string[];
}

export interface ParseOptions {
  /** reads a key or trust-store file named in the policy (relative paths resolved against the policy file) */
  readFile?: (path: string) => string;
  /** the directory relative paths are resolved against (default: the policy file's) */
  baseDir?: string;
}

/** rules.signatures[0].keys */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(root)';
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `a string (${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)})`;
  return `${typeof v} ${JSON.stringify(v)}`;
}

const EXPECTED: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'a string', number: 'a number', boolean: 'true or false', record: 'a mapping' };

interface SchemaDef {
  type: string;
  shape?: Record<string, { _zod: { def: SchemaDef } }>;
  innerType?: { _zod: { def: SchemaDef } };
  element?: { _zod: { def: SchemaDef } };
  in?: { _zod: { def: SchemaDef } };
  keyType?: { _zod: { def: SchemaDef } };
  entries?: Record<string, string>;
}

/** The field names the schema accepts at a path (for "unknown field" messages). */
function knownKeys(path: readonly PropertyKey[]): string[] {
  let d: SchemaDef | undefined = (policySchema as unknown as { _zod: { def: SchemaDef } })._zod.def;
  const unwrap = (x: SchemaDef | undefined): SchemaDef | undefined => {
    while (x && (x.type === 'optional' || x.type === 'pipe' || x.type === 'default')) x = (x.innerType ?? x.in)?._zod.def;
    return x;
  };
  for (const p of path) {
    d = unwrap(d);
    if (!d) return [];
    d = typeof p === 'number' ? d.element?._zod.def : d.shape?.[String(p)]?._zod.def;
  }
  d = unwrap(d);
  if (d?.shape) return Object.keys(d.shape);
  if (d?.type === 'record' && d.keyType?._zod.def.entries) return Object.keys(d.keyType._zod.def.entries);
  return [];
}

/** One issue as "path: problem". */
export function formatIssue(issue: z.core.$ZodIssue): string {
  const i = issue as z.core.$ZodIssue & { input?: unknown; values?: unknown[]; keys?: string[]; minimum?: number | bigint; origin?: string; format?: string; expected?: string };
  let path = formatPath(i.path);
  let problem: string;
  switch (i.code) {
    case 'invalid_type':
      problem = i.input === undefined ? 'is required' : `must be ${EXPECTED[i.expected ?? ''] ?? i.expected}, not ${typeName(i.input)}`;
      break;
    case 'invalid_value': {
      const vals = (i.values ?? []).map(String);
      const got = i.input === undefined ? '' : ` (got ${JSON.stringify(i.input)})`;
      problem = i.input === undefined ? 'is required' : vals.length === 1 ? `must be ${vals[0]}${got}` : `must be one of ${vals.join(', ')}${got}`;
      break;
    }
    case 'unrecognized_keys': {
      const known = knownKeys(i.path);
      problem = `unknown field${(i.keys ?? []).length === 1 ? '' : 's'} ${(i.keys ?? []).map((k) => JSON.stringify(k)).join(', ')}${known.length ? ` (expected ${known.join(', ')})` : ''}`;
      break;
    }
    case 'invalid_key': {
      const inner = (i as unknown as { issues?: z.core.$ZodIssue[] }).issues?.[0];
      const key = (i as { input?: unknown }).input;
      path = formatPath([...i.path, String(key)]);
      problem = inner ? formatIssue({ ...inner, path: [] }).replace(/^\(root\): /, '') : 'invalid key';
      break;
    }
    case 'too_small':
      if (i.origin === 'string') problem = 'must not be empty';
      else if (i.origin === 'array' || i.origin === 'set') problem = `must list at least ${String(i.minimum)} item${Number(i.minimum) === 1 ? '' : 's'}`;
      else problem = `must be at least ${String(i.minimum)}`;
      break;
    case 'invalid_format':
      problem = i.format === 'date' ? `must be a date YYYY-MM-DD${i.input === undefined ? '' : ` (got ${JSON.stringify(i.input)})`}` : `must be a valid ${i.format}`;
      break;
    default:
      problem = i.message;
  }
  return `${path}: ${problem}`;
}

function resolveIn(base: string, p: string): string {
  return isAbsolute(p) ? p : resolve(base, p);
}

/** Parses and validates policy text; throws a one-line USAGE error naming file, path and problem. */
export function parsePolicy(text: string, file: string, opts: ParseOptions = {}): LoadedPolicy {
  let raw: unknown;
  try {
    raw = parseYaml(text, { maxAliasCount: 100, uniqueKeys: true });
  } catch (err) {
    throw new BulwarkError('USAGE', `${file}: not valid YAML (${(err as Error).message.split('\n')[0]!.replace(/:$/, '')})`);
  }
  if (raw === null || raw === undefined) throw new BulwarkError('USAGE', `${file}: (root): the file is empty (expected apiVersion: ${API_VERSION}, kind: Policy, rules: …)`);
  const res = policySchema.safeParse(raw, { reportInput: true });
  if (!res.success) throw new BulwarkError('USAGE', `${file}: ${formatIssue(res.error.issues[0]!)}`);
  const policy = res.data;
  const base = opts.baseDir ?? dirname(file);
  const read = opts.readFile ?? ((p: string) => readFileSync(p, 'utf8'));
  const warnings: string[] = [];
  const withKeys = <T extends { keys?: { path?: string; pem?: string }[] }>(e: T, where: string): T => {
    if (!e.keys) return e;
    return {
      ...e,
      keys: e.keys.map((k, j) => {
        if (k.pem || !k.path) return k;
        let pem: string;
        try {
          pem = read(resolveIn(base, k.path));
        } catch {
          throw new BulwarkError('USAGE', `${file}: ${where}.keys[${j}].path: cannot read ${k.path}`);
        }
        if (!/-----BEGIN [A-Z ]*PUBLIC KEY-----/.test(pem)) throw new BulwarkError('USAGE', `${file}: ${where}.keys[${j}].path: ${k.path} is not a PEM public key`);
        return { ...k, pem };
      }),
    };
  };
  const r = policy.rules;
  if (r.signatures) {
    r.signatures = r.signatures.map((e, i) => {
      const out = withKeys(e, `rules.signatures[${i}]`);
      if (out.notation) {
        const where = `rules.signatures[${i}].notation.trustStore`;
        out.notation = {
          ...out.notation,
          trustStore: out.notation.trustStore.map((p, j) => {
            let pem: string;
            try {
              pem = read(resolveIn(base, p));
            } catch {
              throw new BulwarkError('USAGE', `${file}: ${where}[${j}]: cannot read ${p}`);
            }
            if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new BulwarkError('USAGE', `${file}: ${where}[${j}]: ${p} is not a PEM certificate`);
            return pem;
          }),
        };
      }
      return out;
    });
  }
  if (r.attestations) r.attestations = r.attestations.map((e, i) => withKeys(e, `rules.attestations[${i}]`));
  warnings.push(...patternWarnings(policy));
  return { policy, file, warnings };
}

/** Repository patterns that look like they forgot the registry ("library/alpine", "alpine"). */
function patternWarnings(policy: Policy): string[] {
  const out: string[] = [];
  const check = (globs: string[] | undefined, where: string): void => {
    for (const g of globs ?? []) {
      const first = g.split('/')[0]!;
      if (g.includes('/') && !first.includes('.') && !first.includes(':') && first !== 'localhost' && !first.includes('*')) {
        out.push(`${where}: ${JSON.stringify(g)} has no registry host, so it matches nothing; patterns are matched against registry/repository (did you mean "docker.io/${g}"?)`);
      }
    }
  };
  const r = policy.rules;
  check(r.allowedRepositories, 'rules.allowedRepositories');
  r.signatures?.forEach((e, i) => check(e.repositories, `rules.signatures[${i}].repositories`));
  r.attestations?.forEach((e, i) => check(e.repositories, `rules.attestations[${i}].repositories`));
  policy.exceptions?.forEach((e, i) => check(e.scope.repositories, `exceptions[${i}].scope.repositories`));
  return out;
}

/** Reads and validates a policy file. */
export async function loadPolicy(file: string, opts: ParseOptions = {}): Promise<LoadedPolicy> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new BulwarkError('USAGE', `${file}: cannot read the policy file`);
  }
  return parsePolicy(text, file, opts);
}
