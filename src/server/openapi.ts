/**
 * The OpenAPI document, generated from the route schemas by @fastify/swagger. The server serves it
 * at /openapi.json; scripts/gen-openapi.ts writes it to docs/openapi.json (a test keeps that
 * file in step with the routes).
 */
import { tmpdir } from 'node:os';
import { buildServer, openApiDocument } from './app.js';
import { serverConfig } from './config.js';
import type { ServerPlugin } from './context.js';
import { sqlStore } from './store/index.js';
import { openSqlite } from './store/sqlite.js';

/** The document as the committed docs/openapi.json holds it (2-space JSON, trailing newline). */
export async function generateOpenApi(plugins: ServerPlugin[] = []): Promise<string> {
  const store = sqlStore(openSqlite(':memory:'));
  await store.migrate();
  const server = await buildServer(serverConfig({ cacheDir: tmpdir(), port: 0, logLevel: false, updateIntervalMs: 0, watchIntervalMs: 0, plugins }), store);
  try {
    return JSON.stringify(openApiDocument(server.app), null, 2) + '\n';
  } finally {
    await server.close();
    await store.close();
  }
}
