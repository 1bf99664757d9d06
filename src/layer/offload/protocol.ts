/** Messages between the main thread and the digest worker. */

export type ToWorker = { type: 'hash'; id: number; file: string; start: number; size: number };

/** A serialised error: the errno-style code is kept for classification. */
export interface WireError {
  message: string;
  code?: string;
}

export type FromWorker = { type: 'digest'; id: number; digest: string } | { type: 'error'; id: number; error: WireError };
