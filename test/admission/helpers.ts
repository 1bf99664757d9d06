/** Shared by the admission tests: fixtures (real-shaped AdmissionReview payloads) and small policies. */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePolicy } from '../../src/policy/index.js';
import type { AdmissionOptions } from '../../src/server/admission/index.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** A fixture review, parsed; every "REGISTRY" in it is replaced by `registry` when given. */
export function fixture(name: string, registry?: string): Record<string, unknown> {
  let text = readFileSync(join(FIXTURES, `${name}.json`), 'utf8');
  if (registry) text = text.replaceAll('REGISTRY', registry);
  return JSON.parse(text) as Record<string, unknown>;
}

/** A policy document from YAML text. */
export function policy(yaml: string): NonNullable<AdmissionOptions['policy']> {
  return { document: parsePolicy(yaml, 'policy.yaml').policy, name: 'policy.yaml' };
}

/** allowedRepositories only: decided from the reference (and resolved digest) alone. */
export function allowOnly(...repos: string[]): NonNullable<AdmissionOptions['policy']> {
  return policy(`apiVersion: bulwark.dev/v1\nkind: Policy\nrules:\n  allowedRepositories:\n${repos.map((r) => `    - "${r}"`).join('\n')}\n`);
}

/**
 * A plain-HTTP forwarder in front of a registry that counts what it was asked, so a test can assert
 * that a cached verdict did not reach the registry.
 */
export async function countingProxy(target: string): Promise<{ host: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const [host, port] = target.split(':');
    const up = http.request({ host, port: Number(port), method: req.method, path: req.url, headers: { ...req.headers, host: target } }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return {
    host: `127.0.0.1:${port}`,
    requests,
    close: () => new Promise((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

/** The response of a review (asserting there is one). */
export function responseOf(review: { response?: unknown }): { uid: string; allowed: boolean; status?: { code?: number; message?: string; reason?: string }; warnings?: string[]; auditAnnotations?: Record<string, string> } {
  if (!review.response) throw new Error('no response in the review');
  return review.response as ReturnType<typeof responseOf>;
}
