/** Rendering a VerifyResult: a table for people, JSON for machines (the VerifyResult itself). */
import type { VerifyResult } from './types.js';

function who(x: { identity?: { issuer?: string; subject?: string }; keyId?: string }): string {
  if (x.identity?.subject) return `${x.identity.subject}${x.identity.issuer ? ` (${x.identity.issuer})` : ''}`;
  return x.keyId ? `key ${x.keyId.slice(0, 16)}` : '-';
}

/** One line per signature and attestation, then the verdict and one line per reason. */
export function verifyTable(r: VerifyResult): string {
  const rows: string[][] = [['TYPE', 'KIND', 'LAYOUT', 'SIGNER', 'RESULT']];
  for (const s of r.signatures) rows.push(['signature', s.kind, s.layout, who(s), s.ok ? 'verified' : (s.code ?? 'failed')]);
  for (const a of r.attestations) rows.push([`attestation ${a.predicateType}`, a.kind ?? '-', a.layout ?? '-', who(a), a.ok ? 'verified' : (a.code ?? 'failed')]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const lines = [`${r.reference ?? 'digest'} ${r.digest}`];
  if (rows.length > 1) lines.push(...rows.map((row) => row.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()));
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  lines.push(r.ok ? 'PASS' : 'FAIL');
  lines.push(...r.reasons);
  return lines.join('\n') + '\n';
}

/** The result as JSON (statements included, for policy tools). */
export function verifyJson(r: VerifyResult): string {
  return JSON.stringify(r, null, 2) + '\n';
}
