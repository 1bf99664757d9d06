/**
 * Policy reports: a readable text report (every reason, one per line), versioned JSON (what the
 * admission webhook logs too) and SARIF 2.1.0 (one rule per policy rule, one result per violation,
 * waived violations as accepted suppressions; located at the policy file, with the image as a
 * logical location).
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { SARIF_SCHEMA_URI } from '../report/sarif.js';
import { VERSION } from '../shared/version.js';
import { formatReference } from '../source/registry/reference.js';
import { repoOf } from './glob.js';
import type { PolicyFacts, PolicyResult, RuleName } from './types.js';

export interface PolicyReport {
  result: PolicyResult;
  facts: Pick<PolicyFacts, 'reference' | 'digest'>;
  /** the policy file as the user gave it (relative paths stay relative) */
  policyFile: string;
  policyName?: string;
  /** what ran to gather facts */
  ran: string[];
  /** warnings from loading and gathering, before the evaluator's own */
  warnings: string[];
}

export const POLICY_REPORT_SCHEMA_VERSION = 1;

const RULE_TEXT: Record<RuleName, string> = {
  allowedRepositories: 'The image must come from an allowed registry or repository',
  requireDigest: 'The image must be referenced by digest',
  signatures: 'The image must carry a valid signature from an accepted signer',
  attestations: 'The image must carry verified attestations of the required predicate types',
  vulnerabilities: 'Vulnerabilities must stay within the policy limits',
  bannedPackages: 'Banned packages must not be installed',
  licenses: 'Package licenses must be acceptable',
  checks: 'Required hardening checks must pass',
  eol: 'The OS release must not be past its end of life',
};

function allWarnings(r: PolicyReport): string[] {
  return [...new Set([...r.warnings, ...r.result.warnings])];
}

/** The text report: header, each violation, waived and expired exceptions, warnings, verdict. */
export function renderPolicyText(r: PolicyReport): string {
  const res = r.result;
  const image = formatReference(r.facts.reference) + (r.facts.digest && !r.facts.reference.digest ? ` (${r.facts.digest})` : '');
  const lines: string[] = [];
  lines.push(`Policy ${r.policyName ? `${r.policyName} ` : ''}(${r.policyFile}) for ${image}`);
  lines.push(`Rules: ${res.rulesEvaluated.join(', ') || '(none)'}${r.ran.length ? `; ran: ${r.ran.join(', ')}` : ''}`);
  lines.push('');
  for (const v of res.violations) {
    lines.push(`  FAIL  ${v.rule}: ${v.message}`);
    if (v.exception) lines.push(`        exception #${v.exception.index + 1} (owner ${v.exception.owner}) expired on ${v.exception.expires}: ${v.exception.reason}`);
  }
  for (const a of res.exceptionsApplied) lines.push(`  WAIVED ${a.rule}: ${a.message}\n        by exception #${a.index + 1} (owner ${a.owner}, until ${a.expires}): ${a.reason}`);
  for (const e of res.expiredExceptions) lines.push(`  EXPIRED exception #${e.index + 1} (${e.rule}${e.ids ? ` ${e.ids.join(', ')}` : ''}, owner ${e.owner}) expired on ${e.expires}`);
  for (const w of allWarnings(r)) lines.push(`  warning: ${w}`);
  if (lines[lines.length - 1] !== '') lines.push('');
  const waived = res.exceptionsApplied.length ? ` (${res.exceptionsApplied.length} waived by exceptions)` : '';
  lines.push(res.pass ? `PASS: no violations${waived}` : `FAIL: ${res.violations.length} violation${res.violations.length === 1 ? '' : 's'}${waived}`);
  return lines.join('\n') + '\n';
}

/** Versioned JSON report. */
export function renderPolicyJson(r: PolicyReport): string {
  const doc = {
    schemaVersion: POLICY_REPORT_SCHEMA_VERSION,
    tool: { name: 'bulwark', version: VERSION },
    policy: { file: r.policyFile, name: r.policyName },
    image: { reference: formatReference(r.facts.reference), repository: repoOf(r.facts.reference), digest: r.facts.digest ?? r.facts.reference.digest },
    pass: r.result.pass,
    rulesEvaluated: r.result.rulesEvaluated,
    ran: r.ran,
    violations: r.result.violations,
    exceptionsApplied: r.result.exceptionsApplied,
    expiredExceptions: r.result.expiredExceptions,
    warnings: allWarnings(r),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

function level(sev: string | undefined): 'error' | 'warning' | 'note' {
  if (!sev || sev === 'CRITICAL' || sev === 'HIGH') return 'error';
  return sev === 'MEDIUM' ? 'warning' : 'note';
}

function relUri(file: string): string {
  const rel = file.startsWith('/') ? basename(file) : file.replace(/^\.\//, '');
  return rel.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/** SARIF 2.1.0 log of the violations (and waived ones, suppressed). */
export function renderPolicySarif(r: PolicyReport): string {
  const rules = r.result.rulesEvaluated.map((id) => ({
    id: `policy/${id}`,
    name: id,
    shortDescription: { text: RULE_TEXT[id] },
    fullDescription: { text: `${RULE_TEXT[id]} (policy ${r.policyName ?? r.policyFile}).` },
    help: { text: `See docs/policy.md, rule ${id}.` },
    defaultConfiguration: { level: 'error' as const },
    properties: { tags: ['security', 'policy'] },
  }));
  const index = new Map(rules.map((x, i) => [x.id, i]));
  const repo = repoOf(r.facts.reference);
  const location = {
    physicalLocation: { artifactLocation: { uri: relUri(r.policyFile) }, region: { startLine: 1 } },
    logicalLocations: [{ name: repo, fullyQualifiedName: formatReference(r.facts.reference), kind: 'module' }],
  };
  const fp = (rule: string, subject: string | undefined, message: string): string => createHash('sha256').update([rule, repo, subject ?? message].join('\0')).digest('hex');
  const results = [
    ...r.result.violations.map((v) => ({
      ruleId: `policy/${v.rule}`,
      ruleIndex: index.get(`policy/${v.rule}`) ?? 0,
      level: level(v.severity),
      message: { text: v.message },
      locations: [location],
      partialFingerprints: { 'bulwarkPolicy/v1': fp(v.rule, v.subject, v.message) },
      properties: { subject: v.subject, severity: v.severity, ...(v.exception ? { expiredException: v.exception } : {}) },
    })),
    ...r.result.exceptionsApplied.map((a) => ({
      ruleId: `policy/${a.rule}`,
      ruleIndex: index.get(`policy/${a.rule}`) ?? 0,
      level: 'note' as const,
      message: { text: a.message },
      locations: [location],
      partialFingerprints: { 'bulwarkPolicy/v1': fp(a.rule, a.subject, a.message) },
      suppressions: [{ kind: 'external' as const, status: 'accepted' as const, justification: `exception #${a.index + 1} (owner ${a.owner}, until ${a.expires}): ${a.reason}` }],
      properties: { subject: a.subject },
    })),
  ];
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'bulwark', fullName: 'Bulwark policy check', version: VERSION, semanticVersion: VERSION, rules } },
        automationDetails: { id: `bulwark-policy/${repo}/` },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: allWarnings(r).map((w) => ({ level: 'warning', message: { text: w } })) }],
        results,
        properties: { pass: r.result.pass, image: formatReference(r.facts.reference), digest: r.facts.digest },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
