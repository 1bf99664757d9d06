/**
 * evaluatePolicy: pure and synchronous. Given a validated policy and the facts about one image, it says
 * whether the image may ship and why not. The CLI (`bulwark policy check`) gathers the facts with
 * gatherFacts; the admission webhook can gather them its own way and call this same function.
 */
import { eolStatus } from '../distro/eol.js';
import { createContext } from './context.js';
import { evaluateAllowedRepositories } from './rules/allowed-repositories.js';
import { evaluateAttestations } from './rules/attestations.js';
import { evaluateBannedPackages } from './rules/banned-packages.js';
import { evaluateChecks } from './rules/checks.js';
import { evaluateEol } from './rules/eol.js';
import { evaluateLicenses } from './rules/licenses.js';
import { evaluateRequireDigest } from './rules/require-digest.js';
import { evaluateSignatures } from './rules/signatures.js';
import { evaluateVulnerabilities } from './rules/vulnerabilities.js';
import { RULE_NAMES } from './schema.js';
import type { EvaluateOptions, Policy, PolicyFacts, PolicyResult, RuleName } from './types.js';

/** The rules a policy configures, in evaluation order. */
export function configuredRules(policy: Policy): RuleName[] {
  const r = policy.rules;
  return RULE_NAMES.filter((n) => {
    if (n === 'requireDigest') return r.requireDigest === true;
    if (n === 'eol') return r.eol?.forbid === true;
    return r[n] !== undefined;
  });
}

/** Evaluates every configured rule; the image passes when no violation remains after live exceptions. */
export function evaluatePolicy(policy: Policy, facts: PolicyFacts, opts: EvaluateOptions = {}): PolicyResult {
  const now = opts.now ?? new Date();
  const c = createContext(facts, policy.exceptions ?? [], now, opts.expiryWarningDays ?? 14);
  const r = policy.rules;
  const ctx = c.ctx;
  if (r.allowedRepositories) evaluateAllowedRepositories(r.allowedRepositories, ctx);
  if (r.requireDigest) evaluateRequireDigest(r.requireDigest, ctx);
  if (r.signatures) evaluateSignatures(r.signatures, ctx);
  if (r.attestations) evaluateAttestations(r.attestations, ctx);
  if (r.vulnerabilities) evaluateVulnerabilities(r.vulnerabilities, ctx);
  if (r.bannedPackages) evaluateBannedPackages(r.bannedPackages, ctx);
  if (r.licenses) evaluateLicenses(r.licenses, ctx);
  if (r.checks) evaluateChecks(r.checks, ctx);
  if (r.eol?.forbid) evaluateEol(r.eol, facts.eol ?? (facts.inventory ? eolStatus(facts.inventory.os, now) : undefined), ctx);
  return {
    pass: c.violations.length === 0,
    violations: c.violations,
    exceptionsApplied: c.applied,
    expiredExceptions: c.expired,
    warnings: c.warnings,
    rulesEvaluated: configuredRules(policy),
  };
}
