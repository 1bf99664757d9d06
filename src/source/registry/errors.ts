/** Maps registry HTTP answers and socket failures to one-line BulwarkErrors naming registry and repository. */
import { z } from 'zod';
import { BulwarkError } from '../../shared/errors.js';
import type { Credentials } from './docker-config.js';
import { describeNetworkError, readBody, type HttpResponse, type NetworkError } from './transport.js';

const errorBody = z.object({
  errors: z.array(z.object({ code: z.string().optional(), message: z.string().optional() }).passthrough()).optional(),
});

/** What a failed exchange was about, for the message. */
export interface Subject {
  registry: string;
  repository: string;
  /** "manifest", "blob", "upload" */
  kind: string;
  /** tag or digest */
  ref?: string;
  /** credentials in use, to say where they came from */
  creds?: Credentials;
}

/** Strips control characters and caps length: registry text goes into our one-line messages. */
export function oneLine(s: string, max = 200): string {
  const clean = s.replace(/[\x00-\x1f\x7f]+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

async function registryErrorText(res: HttpResponse): Promise<string> {
  let text: string;
  try {
    text = (await readBody(res, 64 * 1024, 'error body')).toString('utf8');
  } catch {
    return '';
  }
  try {
    const parsed = errorBody.safeParse(JSON.parse(text));
    const first = parsed.success ? parsed.data.errors?.[0] : undefined;
    return first ? oneLine([first.code, first.message].filter(Boolean).join(': ')) : '';
  } catch {
    // not JSON: a proxy page or "Client sent an HTTP request to an HTTPS server."; keep a short line
    return /^[\x20-\x7e\s]*$/.test(text) ? oneLine(text.split('\n')[0] ?? '', 120) : '';
  }
}

function target(s: Subject): string {
  const ref = s.ref ? (s.ref.includes(':') ? `@${s.ref}` : `:${s.ref}`) : '';
  return `${s.registry}/${s.repository}${ref}`;
}

/** Turns a non-success status into the right BulwarkError (reads and discards the body). */
export async function statusError(res: HttpResponse, s: Subject): Promise<BulwarkError> {
  const detail = await registryErrorText(res);
  const suffix = detail ? ` (${res.status} ${detail})` : ` (${res.status})`;
  if (res.status === 404) {
    if (/NAME_UNKNOWN/.test(detail)) return new BulwarkError('REGISTRY_NOT_FOUND', `repository unknown: ${s.registry}/${s.repository}`);
    return new BulwarkError('REGISTRY_NOT_FOUND', `${s.kind} unknown: ${target(s)}`);
  }
  if (res.status === 401 || res.status === 403) {
    const how = s.creds ? `with credentials from ${s.creds.source}` : 'without credentials (use --username/--password, or docker login)';
    return new BulwarkError('REGISTRY_UNAUTHORIZED', `registry ${s.registry} denied access to repository ${s.repository} ${how}${suffix}`);
  }
  if (res.status === 429) return new BulwarkError('REGISTRY_ERROR', `registry ${s.registry} is rate limiting requests for ${target(s)}${suffix}`);
  return new BulwarkError('REGISTRY_ERROR', `registry ${s.registry} failed on ${s.kind} ${target(s)}${suffix}`);
}

/** "cannot reach registry 127.0.0.1:1234 (connection refused)". */
export function networkError(err: NetworkError, registry: string, host: string, plainHttp: boolean): BulwarkError {
  const { reason } = describeNetworkError(err, plainHttp);
  const where = host === registry ? `registry ${registry}` : `${host} (for registry ${registry})`;
  return new BulwarkError('REGISTRY_UNREACHABLE', `cannot reach ${where} (${reason})`, err);
}
