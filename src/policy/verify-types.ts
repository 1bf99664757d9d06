/**
 * The signature-verification contract the policy builds on, as src/verify/ defines it:
 * `verifyImage(ref, requirements, opts) → Promise<VerifyResult>`. Types only, so the evaluator stays
 * pure (no registry or Sigstore code is loaded by evaluatePolicy).
 */
import type { VerifyOptions, VerifyRequirements, VerifyResult } from '../verify/types.js';

export type {
  AttestationResult,
  IdentityRequirement,
  NotationRequirement,
  SignatureResult,
  VerifyOptions,
  VerifyRequirements,
  VerifyResult,
} from '../verify/types.js';

export type VerifyImageFn = (ref: string, req: VerifyRequirements, opts: VerifyOptions) => Promise<VerifyResult>;
