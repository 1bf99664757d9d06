/**
 * Verification failures. A VerifyError carries a stable code; verifyImage turns it into a
 * "<CODE>: <message>" reason on the result (the CLI prints one per line and exits 1).
 * Registry and usage problems stay BulwarkErrors (their own exit codes).
 */

/** Why a signature or an attestation did not verify. */
export type VerifyCode =
  | 'SIGNATURE_MISSING'
  | 'SIGNATURE_INVALID'
  | 'DIGEST_MISMATCH'
  | 'WRONG_KEY'
  | 'IDENTITY_MISMATCH'
  | 'CERT_EXPIRED'
  | 'CERT_UNTRUSTED'
  | 'TLOG_INVALID'
  | 'TAMPERED_MANIFEST'
  | 'REGISTRY_DIGEST_MISMATCH'
  | 'MALFORMED_SIGNATURE'
  | 'ATTESTATION_MISSING'
  | 'SUBJECT_MISMATCH'
  | 'UNTRUSTED_IDENTITY'
  | 'SIGNATURE_EXPIRED'
  | 'NO_TRUST_POLICY';

/** A verification failure with a stable code. */
export class VerifyError extends Error {
  readonly code: VerifyCode;
  constructor(code: VerifyCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'VerifyError';
    this.code = code;
  }
  /** The one-line reason: "<CODE>: <message>". */
  get reason(): string {
    return `${this.code}: ${this.message}`;
  }
}

/** True when err is a VerifyError (with that code, if given). */
export function isVerifyError(err: unknown, code?: VerifyCode): err is VerifyError {
  return err instanceof VerifyError && (code === undefined || err.code === code);
}

/** Formats a reason line. */
export function reasonOf(code: VerifyCode, message: string): string {
  return `${code}: ${message}`;
}
