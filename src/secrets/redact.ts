/** Redaction: the raw value of a secret never leaves the scanner. */

/**
 * Keeps at most the first 4 characters (fewer for short values) and appends "****":
 * 16+ characters keep 4 (a provider prefix such as ghp_ or AKIA), 10–15 keep 2, shorter keep none.
 */
export function redact(secret: string): string {
  const keep = secret.length >= 16 ? 4 : secret.length >= 10 ? 2 : 0;
  return `${secret.slice(0, keep)}****`;
}

/** Replaces every occurrence of each secret in `text` by its redacted form, then shortens the text to `max` characters. */
export function redactIn(text: string, secrets: string[], max = 160): string {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join(redact(s));
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}
