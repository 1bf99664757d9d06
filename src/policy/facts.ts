/**
 * gatherFacts: runs only what the policy needs for one image. No scan at all for a registry reference
 * when the policy only has repository/digest rules; the inventory for package, license, EOL and check
 * rules; the vulnerability match only with a vulnerabilities rule; the image checks only with a checks
 * rule; signature verification (src/verify/) only when a signatures/attestations entry matches the
 * repository, once per matching entry.
 */
import { existsSync } from 'node:fs';
import { scanImage, type ScanOptions, type ScanResult } from '../app/inventory.js';
import { scanVulnerabilities } from '../app/vuln-scan.js';
import { imageFilesAnalyzer } from '../checks/image/files-analyzer.js';
import { buildImageCheckInput } from '../checks/image/input.js';
import { imageChecks } from '../checks/image/registry.js';
import { runChecks } from '../checks/run.js';
import { eolStatus } from '../distro/eol.js';
import { BulwarkError } from '../shared/errors.js';
import { formatReference, parseReference, type ImageReference } from '../source/registry/reference.js';
import { splitPrefix } from '../source/resolve.js';
import { matchesRepository } from './glob.js';
import type { Policy, PolicyFacts } from './types.js';
import { verifyImage as defaultVerify } from '../verify/index.js';
import type { VerifyImageFn, VerifyOptions, VerifyRequirements, VerifyResult } from './verify-types.js';

export interface GatherOptions {
  scan?: ScanOptions;
  /** the advisory database's cache dir (default: scan.cacheDir) */
  cacheDir?: string;
  vex?: string[];
  ignoreFile?: string;
  /** the name the image is deployed under, for local archives and layouts (or to override the target) */
  reference?: string;
  /** signature verification (default: src/verify/'s verifyImage) */
  verifyImage?: VerifyImageFn;
  /** trust material for verifyImage: trustedRootPath, offline, tufCacheDir */
  verify?: Pick<VerifyOptions, 'trustedRootPath' | 'offline' | 'tufCacheDir'>;
  now?: Date;
}

export interface GatheredFacts {
  facts: PolicyFacts;
  /** what ran, for the report: "inventory", "vulnerabilities", "checks", "verify" */
  ran: string[];
  warnings: string[];
}

/** What the policy needs beyond the reference. */
export function policyNeeds(policy: Policy, ref?: ImageReference): { inventory: boolean; vulnerabilities: boolean; checks: boolean; verify: boolean } {
  const r = policy.rules;
  const vulnerabilities = r.vulnerabilities !== undefined;
  const checks = r.checks !== undefined;
  const verify = [...(r.signatures ?? []), ...(r.attestations ?? [])].some((e) => !ref || matchesRepository(e.repositories, ref));
  return { inventory: vulnerabilities || checks || r.bannedPackages !== undefined || r.licenses !== undefined || r.eol?.forbid === true, vulnerabilities, checks, verify };
}

/** True when the target names a registry image rather than a local archive or layout. */
export function isRegistryTarget(target: string): boolean {
  const { kind, rest } = splitPrefix(target);
  if (kind === 'registry') return true;
  if (kind !== 'auto') return false;
  const path = rest.replace(/:[^/:]+$/, '');
  if (existsSync(rest) || existsSync(path)) return false;
  return !/^[./~]/.test(rest) && !/\.(tar|tgz|gz)$/.test(rest);
}

function registryPart(target: string): string {
  const { kind, rest } = splitPrefix(target);
  return kind === 'registry' ? rest : target;
}

/** One VerifyRequirements per matching signatures/attestations entry, keyed "signatures[0]" … */
export function verifyRequirements(policy: Policy, ref: ImageReference): Record<string, VerifyRequirements> {
  const out: Record<string, VerifyRequirements> = {};
  const sigs = policy.rules.signatures ?? [];
  const matching = sigs.filter((e) => matchesRepository(e.repositories, ref));
  sigs.forEach((e, i) => {
    if (!matchesRepository(e.repositories, ref)) return;
    out[`signatures[${i}]`] = { keys: e.keys?.map((k) => k.pem!), identities: e.keyless, notation: e.notation };
  });
  (policy.rules.attestations ?? []).forEach((e, i) => {
    if (!matchesRepository(e.repositories, ref)) return;
    const own = e.keys || e.keyless;
    const keys = own ? e.keys?.map((k) => k.pem!) : matching.flatMap((m) => m.keys?.map((k) => k.pem!) ?? []);
    const identities = own ? e.keyless : matching.flatMap((m) => m.keyless ?? []);
    const notation = own ? undefined : matching.find((m) => m.notation)?.notation;
    out[`attestations[${i}]`] = {
      keys: keys?.length ? keys : undefined,
      identities: identities?.length ? identities : undefined,
      notation,
      attestations: e.predicateTypes.map((predicateType) => ({ predicateType })),
      requireSignature: false,
    };
  });
  for (const v of Object.values(out)) for (const k of Object.keys(v) as (keyof VerifyRequirements)[]) if (v[k] === undefined) delete v[k];
  return out;
}

/** Runs what the policy needs and returns the facts for evaluatePolicy. */
export async function gatherFacts(target: string, policy: Policy, opts: GatherOptions = {}): Promise<GatheredFacts> {
  const warnings: string[] = [];
  const ran: string[] = [];
  const registry = isRegistryTarget(target);
  let reference = opts.reference ? parseReference(opts.reference) : registry ? parseReference(registryPart(target)) : undefined;
  const needs = policyNeeds(policy, reference);
  let scan: ScanResult | undefined;
  if (needs.inventory || !reference) {
    scan = await scanImage(target, { ...opts.scan, extraAnalyzers: [...(opts.scan?.extraAnalyzers ?? []), ...(needs.checks ? [imageFilesAnalyzer] : [])] });
    ran.push('inventory');
    warnings.push(...scan.inventory.warnings);
  }
  if (!reference) {
    const t = scan!.inventory.target;
    const name = t.repoDigests[0] ?? t.repoTags[0] ?? t.name;
    if (!name) throw new BulwarkError('USAGE', `${target} has no image name: pass --reference <registry/repository[:tag|@digest]> (the name it is deployed under)`);
    try {
      reference = parseReference(name);
    } catch {
      throw new BulwarkError('USAGE', `${target} is named ${JSON.stringify(name)}, not a registry reference: pass --reference <registry/repository[:tag|@digest]>`);
    }
  }
  const facts: PolicyFacts = { reference, digest: scan?.inventory.target.manifestDigest };
  if (scan) facts.inventory = { packages: scan.inventory.packages, os: scan.inventory.os };
  if (scan && policy.rules.eol?.forbid) facts.eol = eolStatus(scan.inventory.os, opts.now);
  if (needs.vulnerabilities && scan) {
    const inv = scan.inventory;
    const vr = await scanVulnerabilities(inv.packages, inv.os, { cacheDir: opts.cacheDir ?? opts.scan?.cacheDir, vex: opts.vex, ignoreFile: opts.ignoreFile }, [formatReference(reference), inv.target.reference, ...inv.target.repoTags, ...inv.target.repoDigests]);
    facts.findings = vr.findings;
    warnings.push(...vr.warnings);
    if (vr.suppressed.length) warnings.push(`vulnerabilities: ${vr.suppressed.length} finding${vr.suppressed.length === 1 ? '' : 's'} suppressed by the ignore file or VEX before the policy`);
    ran.push('vulnerabilities');
  }
  if (needs.checks && scan) {
    if (imageChecks.length === 0) {
      warnings.push('checks: no image checks in this build; the checks rule is skipped');
      facts.configFindings = [];
    } else {
      const input = buildImageCheckInput(scan, { reference: opts.reference ?? target, now: opts.now });
      const res = runChecks(imageChecks, input, formatReference(reference));
      facts.configFindings = res.findings;
      warnings.push(...res.warnings);
      ran.push('checks');
    }
  }
  if (needs.verify) {
    const verify = opts.verifyImage ?? defaultVerify;
    const reqs = verifyRequirements(policy, reference);
    // verify what was scanned: the digest when known, so a moved tag cannot swap the image in between
    const pinned = facts.digest && !reference.digest ? `${formatReference({ ...reference, tag: undefined })}@${facts.digest}` : formatReference(reference);
    const byReq: Record<string, VerifyResult> = {};
    for (const [key, req] of Object.entries(reqs)) {
      if (!req.keys && !req.identities && !req.notation) {
        warnings.push(`${key}: no signers to verify the attestations with (give the entry keys or keyless, or add a signatures entry for ${formatReference({ ...reference, tag: undefined, digest: undefined })})`);
        continue;
      }
      const res = await verify(pinned, req, { registry: opts.scan?.registry, now: opts.now, ...opts.verify });
      byReq[key] = res;
      warnings.push(...res.warnings.map((w) => `${key}: ${w}`));
    }
    facts.verifyByRequirement = byReq;
    const first = Object.values(byReq)[0];
    if (!facts.digest && first?.digest) facts.digest = first.digest;
    ran.push('verify');
  }
  return { facts, ran, warnings };
}
