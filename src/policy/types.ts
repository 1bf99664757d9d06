/** What the evaluator takes (a validated policy and facts about one image) and what it returns. */
import type { OsInfo, Package } from '../catalog/types.js';
import type { ConfigFinding } from '../checks/types.js';
import type { EolStatus } from '../distro/eol.js';
import type { ImageReference } from '../source/registry/reference.js';
import type { Finding } from '../vuln/match/types.js';
import type { PolicyDocument, RuleName } from './schema.js';
import type { VerifyResult } from './verify-types.js';

/**
 * A validated policy. After loadPolicy every key has its `pem` and notation trust stores hold the
 * certificates' PEM text (files read relative to the policy file).
 */
export type Policy = PolicyDocument;
export type PolicyRules = Policy['rules'];
export type PolicyException = NonNullable<Policy['exceptions']>[number];
export type { RuleName };

/**
 * Everything known about one image. Only `reference` is required: a rule whose facts are missing fails
 * ("did not run"), so a caller that forgets a scan never lets an image through.
 */
export interface PolicyFacts {
  /** the reference the image is (to be) deployed under, parsed */
  reference: ImageReference;
  /** the manifest digest actually resolved, when known */
  digest?: string;
  inventory?: { packages: Package[]; os?: OsInfo };
  /** vulnerability findings (after the ignore file and VEX) */
  findings?: Finding[];
  /** hardening-check findings (IMG-…) */
  configFindings?: ConfigFinding[];
  /** end-of-life status of the OS; computed from inventory.os when absent */
  eol?: EolStatus;
  /** signature verification: one result for every signatures/attestations entry … */
  verify?: VerifyResult;
  /** … or one per entry, keyed "signatures[0]", "attestations[1]" (takes precedence) */
  verifyByRequirement?: Record<string, VerifyResult>;
}

export interface EvaluateOptions {
  /** the clock for exception expiry and EOL grace (default: now) */
  now?: Date;
  /** warn about exceptions expiring within this many days (default 14) */
  expiryWarningDays?: number;
}

/** An exception as reported. `index` is its position in the policy's exceptions list. */
export interface ExceptionRef {
  index: number;
  owner: string;
  reason: string;
  expires: string;
}

export interface Violation {
  rule: RuleName;
  message: string;
  severity?: string;
  /** what violates: a repository, a vulnerability ID, a check ID, package@version, a license … */
  subject?: string;
  /** an exception that would have covered this violation but has expired */
  exception?: ExceptionRef & { expired: true };
}

/** A violation an exception waived. */
export interface AppliedException extends ExceptionRef {
  rule: RuleName;
  subject?: string;
  message: string;
}

export interface ExpiredException extends ExceptionRef {
  rule: RuleName;
  repositories: string[];
  ids?: string[];
}

export interface PolicyResult {
  pass: boolean;
  violations: Violation[];
  exceptionsApplied: AppliedException[];
  expiredExceptions: ExpiredException[];
  warnings: string[];
  /** the rules the policy configures, in evaluation order */
  rulesEvaluated: RuleName[];
}
