/**
 * The small SQL surface both dialects share. Statements use `?` placeholders (the PostgreSQL
 * driver numbers them), RETURNING and ON CONFLICT, which SQLite (3.35+) and PostgreSQL both speak,
 * so one repository implementation (sql-store.ts) serves both.
 */

export type Row = Record<string, unknown>;

/** A connection, or a transaction on one. */
export interface SqlConn {
  all<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: unknown[]): Promise<T | undefined>;
  /** Runs a statement; returns the number of rows changed. */
  run(sql: string, params?: unknown[]): Promise<number>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface SqlDb extends SqlConn {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs fn in a transaction: committed when it resolves, rolled back when it throws. */
  tx<T>(fn: (conn: SqlConn) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A JSON column: PostgreSQL's driver parses JSONB, SQLite hands back text. */
export function fromJson<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

/** A flag column: BOOLEAN in PostgreSQL, 0/1 in SQLite. */
export function fromBool(v: unknown): boolean {
  return v === true || v === 1 || v === '1';
}

/** A nullable text column. */
export function opt(v: unknown): string | undefined {
  return v === null || v === undefined ? undefined : String(v);
}

/** A count or id: PostgreSQL returns bigint aggregates as strings. */
export function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}
