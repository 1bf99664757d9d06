/** What route plugins get: the store, the monitor, the jobs and the config. Extra plugins (admission, web) get it too. */
import type { FastifyPluginAsync } from 'fastify';
import type { ServerConfig } from './config.js';
import type { Metrics } from './metrics.js';
import type { Monitor } from './monitor.js';
import type { Dispatcher } from './notify/dispatcher.js';
import type { Jobs, RematchJobResult } from './jobs/scheduler.js';
import type { Store } from './store/types.js';

export interface ServerContext {
  config: ServerConfig;
  store: Store;
  monitor: Monitor;
  jobs: Jobs;
  dispatcher: Dispatcher;
  metrics: Metrics;
  /** the last finished re-match job, for GET /api/v1/jobs */
  lastRematch?: RematchJobResult;
}

/**
 * An extra route plugin (the admission webhook, the web dashboard …), registered after the core
 * routes with the context as its options. Its routes declare `config: { role }` like the core's
 * ('public' for none); a route without one needs an admin token.
 */
export interface ServerPlugin {
  name: string;
  plugin: FastifyPluginAsync<{ ctx: ServerContext }>;
  /** URL prefix, e.g. "/admission" */
  prefix?: string;
}
