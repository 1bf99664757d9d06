/**
 * License strings as catalogers find them ("MIT", "GPL-2.0-or-later OR MIT", "GPL-2+", "BSD-3-clause")
 * mapped onto what the SBOM formats accept: an SPDX identifier, an SPDX expression, or free text.
 */
import { createRequire } from 'node:module';
import parseExpression from 'spdx-expression-parse';

const require = createRequire(import.meta.url);
const LICENSE_IDS: ReadonlySet<string> = new Set(require('spdx-license-ids') as string[]);
// SPDX ids match case-insensitively ("BSD-3-clause" is BSD-3-Clause); the formats want the canonical case
const BY_LOWER: ReadonlyMap<string, string> = new Map([...LICENSE_IDS].map((id) => [id.toLowerCase(), id]));

/** How one license string is written in an SBOM. */
export type LicenseChoice = { kind: 'id'; value: string } | { kind: 'expression'; value: string } | { kind: 'name'; value: string };

/** Parses an SPDX expression, or returns undefined when it is not one. */
export function parseSpdx(text: string): parseExpression.Info | undefined {
  // the parser is linear, but a hostile SBOM can carry megabytes of "expression"
  if (text.length > 16384) return undefined;
  try {
    return parseExpression(text);
  } catch {
    return undefined;
  }
}

/** Images repeat a few license strings over thousands of packages; a failed parse throws, which is slow. */
const classified = new Map<string, Readonly<LicenseChoice>>();
const MAX_CLASSIFIED = 10_000;

/** Classifies one license string: a current SPDX id (canonical case), a valid SPDX expression, or a free-text name. */
export function classifyLicense(text: string): Readonly<LicenseChoice> {
  let c = classified.get(text);
  if (!c) {
    c = classify(text);
    if (classified.size >= MAX_CLASSIFIED) classified.clear();
    classified.set(text, c);
  }
  return c;
}

function classify(text: string): LicenseChoice {
  const t = text.trim();
  const id = BY_LOWER.get(t.toLowerCase());
  if (id) return { kind: 'id', value: id };
  // DocumentRef-… points into another document we do not carry, so it is kept as text
  if (!t.includes('DocumentRef-') && parseSpdx(t)) return { kind: 'expression', value: t };
  return { kind: 'name', value: t };
}

/** Every license identifier an expression names (LicenseRef-… included). */
export function expressionLicenses(info: parseExpression.Info): string[] {
  if ('license' in info) return [info.license];
  return [...expressionLicenses(info.left), ...expressionLicenses(info.right)];
}

/** Turns free text into a LicenseRef id: only [A-Za-z0-9.-] after the prefix. */
export function licenseRefFor(name: string): string {
  const body = name.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
  return `LicenseRef-${body || 'unknown'}`;
}

/** Splits an expression at its top-level ANDs: "(A OR B) AND C" -> ["A OR B", "C"]. */
export function splitTopLevelAnd(expr: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && expr.startsWith(' AND ', i)) {
      parts.push(expr.slice(start, i));
      start = i + 5;
      i += 4;
    }
  }
  parts.push(expr.slice(start));
  return parts.map(stripOuterParens).filter(Boolean);
}

function stripOuterParens(s: string): string {
  let t = s.trim();
  while (t.startsWith('(') && t.endsWith(')') && balanced(t.slice(1, -1))) t = t.slice(1, -1).trim();
  return t;
}

function balanced(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}
