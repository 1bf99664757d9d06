/** A small JSON-lines logger with the pino/fastify shape the server code expects (for `bulwark worker`). */
import type { FastifyBaseLogger } from 'fastify';

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;

/** Logs at `level` and above to stderr as JSON lines; 'silent' logs nothing. */
export function jsonLogger(level: string, bindings: Record<string, unknown> = {}, write: (line: string) => void = (l) => process.stderr.write(l)): FastifyBaseLogger {
  const min = level === 'silent' ? Infinity : Math.max(0, LEVELS.indexOf(level as (typeof LEVELS)[number]));
  const emit = (lvl: number) => (obj: unknown, msg?: string) => {
    if (lvl < min) return;
    const fields = typeof obj === 'string' ? { msg: obj } : { ...(obj as object), msg };
    write(`${JSON.stringify({ level: LEVELS[lvl], time: Date.now(), ...bindings, ...fields })}\n`);
  };
  const log = {
    level,
    trace: emit(0),
    debug: emit(1),
    info: emit(2),
    warn: emit(3),
    error: emit(4),
    fatal: emit(5),
    silent: () => {},
    child: (b: Record<string, unknown>) => jsonLogger(level, { ...bindings, ...b }, write),
  };
  return log as unknown as FastifyBaseLogger;
}
