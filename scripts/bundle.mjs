#!/usr/bin/env node
/**
 * Bundles the compiled CLI (dist/) into dist/bundle/: our own ~100 modules become a few files (one per
 * lazily loaded command, shared chunks), packages stay external. Node's ESM loader costs ~0.2 ms per
 * module, a fifth of a small image's scan; bin/bulwark.js uses the bundle when it is not older than
 * dist/cli/main.js. The digest worker is an entry of its own (dist/bundle/worker.js), where the worker
 * client, inlined into a chunk of the same folder, looks for it.
 */
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'dist', 'cli', 'main.js'), join(root, 'dist', 'layer', 'offload', 'worker.js')],
  outdir,
  entryNames: '[name]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
