/**
 * Main-thread side of the digest worker: one worker thread for the process, started on first use and
 * unref'd while idle so it never keeps the process alive.
 */
import { Worker } from 'node:worker_threads';
import { BulwarkError } from '../../shared/errors.js';
import type { FileRegion } from '../../source/types.js';
import type { FromWorker, ToWorker } from './protocol.js';

interface Pending {
  resolve: (digest: string) => void;
  reject: (err: Error) => void;
}

type Pool = { worker: Worker; pending: Map<number, Pending>; nextId: number };
let shared: Pool | undefined;

/** Forgets a request; the worker stops holding the process open once none is left. */
function settle(state: Pool, id: number): Pending | undefined {
  const p = state.pending.get(id);
  state.pending.delete(id);
  if (state.pending.size === 0) state.worker.unref();
  return p;
}

/** The worker's entry: the compiled .js next to this file, or the .ts source when running under tsx (tests). */
function startWorker(): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url);
  if (!fromSource) return new Worker(entry);
  const boot = `import('tsx/esm/api').then((t) => t.register()).then(() => import(${JSON.stringify(entry.href)}))`;
  return new Worker(boot, { eval: true });
}

function pool(): Pool {
  if (shared) return shared;
  const state: Pool = { worker: startWorker(), pending: new Map<number, Pending>(), nextId: 1 };
  state.worker.on('message', (m: FromWorker) => {
    const p = settle(state, m.id);
    if (m.type === 'digest') p?.resolve(m.digest);
    else p?.reject(Object.assign(new Error(m.error.message), m.error.code ? { code: m.error.code } : {}));
  });
  const fail = (err: Error): void => {
    if (shared === state) shared = undefined;
    for (const id of [...state.pending.keys()]) settle(state, id)?.reject(new BulwarkError('IO_ERROR', `digest worker failed: ${err.message}`, err));
  };
  state.worker.on('error', fail);
  state.worker.on('exit', (code) => fail(new Error(`exited with code ${code}`)));
  state.worker.unref();
  shared = state;
  return state;
}

/** A digest being computed; abandon() stops it from keeping the process alive (the walk failed). */
export interface PendingDigest {
  digest: Promise<string>;
  abandon(): void;
}

/** sha256 ("sha256:<hex>") of a file region, computed on the digest worker. */
export function digestInWorker(region: FileRegion): PendingDigest {
  const p = pool();
  const id = p.nextId++;
  const digest = new Promise<string>((resolve, reject) => p.pending.set(id, { resolve, reject }));
  digest.catch(() => {});
  p.worker.ref();
  const msg: ToWorker = { type: 'hash', id, file: region.file, start: region.start, size: region.size };
  p.worker.postMessage(msg);
  return {
    digest,
    abandon: () => void settle(p, id),
  };
}

/** Ends the worker (tests; servers that want the memory back). */
export async function stopDigestWorker(): Promise<void> {
  const s = shared;
  shared = undefined;
  if (s) await s.worker.terminate();
}
