/**
 * requirements*.txt (pip): only exact pins (`name==1.2.3`, `name[extra]===1.2.3 ; marker`) name a
 * version, so only they become packages. Ranges, URLs, editables and option lines (-r, -c, -e,
 * --index-url …) are skipped; per-line options such as --hash are ignored.
 */
import type { ParsedPackage } from '../../types.js';
import { isPythonVersion, pythonPackage } from './package.js';

/** PEP 508 name at the start of a requirement. The rest is scanned by hand: a single regex with
 * `\s*` on both sides of the optional extras backtracks quadratically on long runs of spaces. */
const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/;
/** pip's comment rule: "#" at the start of a line or after whitespace */
const COMMENT = /(^|\s)#.*$/;
/** per-requirement options (--hash=…, --config-settings …) follow the requirement after whitespace */
const OPTION = /\s--?[A-Za-z]/;

/** Joins backslash continuations (not on comment lines, as pip does) into logical lines. */
export function logicalLines(text: string): string[] {
  const out: string[] = [];
  let acc = '';
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const trimmed = line.trimEnd();
    if (trimmed.endsWith('\\') && !trimmed.trimStart().startsWith('#')) {
      acc += trimmed.slice(0, -1) + ' ';
      continue;
    }
    out.push(acc + line);
    acc = '';
  }
  if (acc) out.push(acc);
  return out;
}

/** The exact pin a logical line states, or undefined for anything else. */
export function parseRequirementLine(line: string): { name: string; version: string; extras: string[]; markers?: string } | undefined {
  let req = line.replace(COMMENT, '').trim();
  if (!req || req.startsWith('-')) return undefined;
  const opt = OPTION.exec(req);
  if (opt) req = req.slice(0, opt.index).trim();
  let markers: string | undefined;
  const semi = req.indexOf(';');
  if (semi >= 0) {
    markers = req.slice(semi + 1).trim() || undefined;
    req = req.slice(0, semi).trim();
  }
  const name = NAME.exec(req)?.[0];
  if (!name) return undefined;
  let rest = req.slice(name.length).trimStart();
  let extras: string[] = [];
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return undefined;
    extras = rest.slice(1, close).split(',').map((e) => e.trim()).filter(Boolean);
    rest = rest.slice(close + 1).trimStart();
  }
  // "==" pins a version, "===" is arbitrary equality; "==" followed by anything else is a range
  const op = rest.startsWith('===') ? '===' : rest.startsWith('==') ? '==' : undefined;
  if (!op) return undefined;
  const version = rest.slice(op.length).trim();
  if (!isPythonVersion(version) || version.includes('*')) return undefined;
  return { name, version, extras, ...(markers ? { markers } : {}) };
}

/** Packages pinned exactly by a requirements file. */
export function parseRequirements(text: string): ParsedPackage[] {
  if (text.includes('\0')) throw new Error('requirements file is binary');
  const out: ParsedPackage[] = [];
  for (const line of logicalLines(text)) {
    const pin = parseRequirementLine(line);
    if (!pin) continue;
    const metadata: Record<string, unknown> = {};
    if (pin.extras.length) metadata.extras = pin.extras;
    if (pin.markers) metadata.markers = pin.markers;
    out.push(pythonPackage({ name: pin.name, version: pin.version, metadata }));
  }
  return out;
}
