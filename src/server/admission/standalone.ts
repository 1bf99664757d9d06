/**
 * The webhook on its own: fastify with TLS, POST /admission, /healthz and /readyz for probes. For
 * clusters that want admission control without the monitoring server (no database, no tokens).
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { admissionPlugin } from './plugin.js';
import type { AdmissionContext } from './types.js';

export interface AdmissionServerConfig {
  host: string;
  /** 0: any free port */
  port: number;
  tls: { cert: Buffer | string; key: Buffer | string };
  /** false: no logs; else a pino level */
  logLevel: string | false;
  bodyLimit?: number;
  admission: AdmissionContext;
}

export interface AdmissionServer {
  app: FastifyInstance;
  /** resolves to the base URL */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** Builds (but does not start) the standalone webhook server. */
export async function buildAdmissionServer(config: AdmissionServerConfig): Promise<AdmissionServer> {
  const app = Fastify({
    logger: config.logLevel === false ? false : { level: config.logLevel },
    https: { cert: config.tls.cert, key: config.tls.key },
  }) as unknown as FastifyInstance;
  app.get('/healthz', async () => ({ status: 'ok' }));
  // nothing to wait for: the policy was loaded and validated before the server was built
  app.get('/readyz', async () => ({ status: 'ready', policy: config.admission.policy?.name ?? null, mode: config.admission.mode }));
  await app.register(admissionPlugin, { admission: config.admission, bodyLimit: config.bodyLimit });
  await app.ready();
  return {
    app,
    listen: () => app.listen({ host: config.host, port: config.port }),
    close: () => app.close(),
  };
}
