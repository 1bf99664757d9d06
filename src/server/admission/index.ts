/**
 * The admission webhook's public API: the pure handler, its context, the fastify plugin (standalone or
 * inside `bulwark server`), and the `bulwark admission` command.
 */
export { handleAdmissionReview } from './handler.js';
export { createAdmissionContext, admissionPolicy, policyHash, DEFAULT_TIMEOUT_MS, type AdmissionOptions } from './context.js';
export { createAdmissionCache, createTtlCache, type AdmissionCache, type CacheOptions, type TtlCache } from './cache.js';
export { admissionPlugin, admissionServerPlugin, ADMISSION_BODY_LIMIT, type AdmissionPluginOptions } from './plugin.js';
export { buildAdmissionServer, type AdmissionServer, type AdmissionServerConfig } from './standalone.js';
export { registerAdmissionCommand, admissionOptionsFromFlags, admissionServerConfig, type AdmissionFlags } from './command.js';
export { registryResolver, policyEvaluator, type AdmissionRegistryOptions } from './registry.js';
export { WORKLOAD_KINDS } from './workload.js';
export type * from './types.js';
