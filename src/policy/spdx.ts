/**
 * A lenient SPDX license expression reader for policy decisions: ids, `AND`, `OR`, `WITH` and
 * parentheses, case-insensitive operators, and unknown ids kept as they are ("Custom", "GPL").
 * Text that is not an expression is one license id.
 */

export type LicenseExpr = { id: string } | { op: 'and' | 'or'; left: LicenseExpr; right: LicenseExpr };

function tokenize(s: string): string[] {
  return s.replace(/[()]/g, ' $& ').split(/\s+/).filter(Boolean);
}

/** Parses an expression; falls back to a single id on anything malformed. */
export function parseLicense(text: string): LicenseExpr {
  const toks = tokenize(text);
  let i = 0;
  const peek = (): string | undefined => toks[i];
  function primary(): LicenseExpr {
    const t = toks[i++];
    if (t === undefined) throw new Error('unexpected end');
    if (t === '(') {
      const e = or();
      if (toks[i++] !== ')') throw new Error('missing )');
      return e;
    }
    if (/^(and|or|with|\))$/i.test(t)) throw new Error(`unexpected ${t}`);
    if (peek()?.toUpperCase() === 'WITH') {
      i += 2; // the exception does not change which license applies
    }
    return { id: t.replace(/\+$/, '') };
  }
  function and(): LicenseExpr {
    let e = primary();
    while (peek()?.toUpperCase() === 'AND') {
      i++;
      e = { op: 'and', left: e, right: primary() };
    }
    return e;
  }
  function or(): LicenseExpr {
    let e = and();
    while (peek()?.toUpperCase() === 'OR') {
      i++;
      e = { op: 'or', left: e, right: and() };
    }
    return e;
  }
  try {
    const e = or();
    if (i !== toks.length) throw new Error('trailing tokens');
    return e;
  } catch {
    return { id: text.trim() };
  }
}

/**
 * The licenses of the cheapest way to comply: undefined when the expression can be satisfied with
 * ids that are all `ok`, else the ids that block (for the message).
 */
export function blockingIds(e: LicenseExpr, ok: (id: string) => boolean): string[] | undefined {
  if ('id' in e) return ok(e.id) ? undefined : [e.id];
  const l = blockingIds(e.left, ok);
  const r = blockingIds(e.right, ok);
  if (e.op === 'or') return l === undefined || r === undefined ? undefined : [...l, ...r];
  return l === undefined && r === undefined ? undefined : [...(l ?? []), ...(r ?? [])];
}

/** Every id in the expression. */
export function licenseIds(e: LicenseExpr): string[] {
  return 'id' in e ? [e.id] : [...licenseIds(e.left), ...licenseIds(e.right)];
}
