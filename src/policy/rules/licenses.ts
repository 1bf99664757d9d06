/**
 * licenses: a deny-list (`banned`) or an allow-list (`allowed`) of SPDX ids or globs. A package passes
 * when each of its declared licenses can be satisfied with acceptable ids ("MIT OR GPL-3.0-only" passes
 * a GPL ban: MIT can be chosen). Packages with no license pass unless `allowUnknown: false`.
 */
import { globToRegExp } from '../../vuln/ignore.js';
import type { RuleContext } from '../context.js';
import { blockingIds, licenseIds, parseLicense } from '../spdx.js';
import type { PolicyRules } from '../types.js';

export type LicenseRule = NonNullable<PolicyRules['licenses']>;

/** The acceptance test the rule applies to one license id. */
export function licenseAcceptor(rule: LicenseRule): (id: string) => boolean {
  const banned = (rule.banned ?? []).map(globToRegExp);
  const allowed = (rule.allowed ?? []).map(globToRegExp);
  return rule.allowed ? (id) => allowed.some((re) => re.test(id)) : (id) => !banned.some((re) => re.test(id));
}

/** One violation per package whose licenses cannot be satisfied. */
export function evaluateLicenses(rule: LicenseRule, ctx: RuleContext): void {
  const inv = ctx.facts.inventory;
  if (!inv) {
    ctx.fail('licenses', { message: 'the package inventory did not run (no packages provided)' });
    return;
  }
  const ok = licenseAcceptor(rule);
  let unknown = 0;
  for (const pkg of inv.packages) {
    const subject = `${pkg.name}@${pkg.version}`;
    if (pkg.licenses.length === 0) {
      if (rule.allowUnknown === false) ctx.violate('licenses', { subject, ids: [pkg.name, pkg.purl, 'unknown'], message: `${pkg.name} ${pkg.version} (${pkg.type}) declares no license` });
      else unknown++;
      continue;
    }
    const exprs = pkg.licenses.map(parseLicense);
    const blocking = [...new Set(exprs.flatMap((e) => blockingIds(e, ok) ?? []))];
    if (!blocking.length) continue;
    const why = rule.allowed ? 'not in the allowed list' : 'banned';
    ctx.violate('licenses', {
      subject,
      ids: [pkg.name, pkg.purl, ...exprs.flatMap(licenseIds)],
      message: `${pkg.name} ${pkg.version} (${pkg.type}): license ${blocking.map((b) => JSON.stringify(b)).join(', ')} ${blocking.length === 1 ? 'is' : 'are'} ${why} (declared: ${pkg.licenses.join('; ')})`,
    });
  }
  if (unknown) ctx.warn(`licenses: ${unknown} package${unknown === 1 ? ' has' : 's have'} no license information (allowed; set allowUnknown: false to fail them)`);
}
