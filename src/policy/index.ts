/**
 * The policy module's public API (the CLI and the admission webhook use only this):
 * loadPolicy/parsePolicy → Policy; gatherFacts (or facts built by the caller) → evaluatePolicy → PolicyResult;
 * renderPolicyText/Json/Sarif for reports.
 */
export { evaluatePolicy, configuredRules } from './evaluate.js';
export { gatherFacts, policyNeeds, verifyRequirements, isRegistryTarget, type GatherOptions, type GatheredFacts } from './facts.js';
export { loadPolicy, parsePolicy, formatIssue, type LoadedPolicy, type ParseOptions } from './load.js';
export { renderPolicyJson, renderPolicySarif, renderPolicyText, POLICY_REPORT_SCHEMA_VERSION, type PolicyReport } from './report.js';
export { API_VERSION, RULE_NAMES, policySchema, policyJsonSchema } from './schema.js';
export type * from './types.js';
export type { VerifyImageFn } from './verify-types.js';
