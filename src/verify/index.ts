/**
 * Image trust verification: cosign (keyed and keyless, legacy tags and OCI 1.1 referrers), in-toto
 * attestations, Notary Project signatures, and offline Sigstore bundle files.
 */
export { verifyImage, validateRequirements } from './verify-image.js';
export { verifyBundleFile } from './bundle-file.js';
export { loadTrustedRoot, embeddedTrustedRoot, parseTrustedRoot, type LoadedRoot } from './trusted-root.js';
export { normalizePredicateType, type Statement } from './intoto.js';
export { verifyTable, verifyJson } from './report.js';
export { VerifyError, isVerifyError, type VerifyCode } from './errors.js';
export type {
  AttestationResult,
  IdentityRequirement,
  NotationRequirement,
  SignatureKind,
  SignatureResult,
  StorageLayout,
  VerifyOptions,
  VerifyRequirements,
  VerifyResult,
} from './types.js';
