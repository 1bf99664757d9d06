/**
 * verifyImage: resolves the reference to a digest (the bytes are hashed here, never taken from the
 * registry's word), finds cosign signatures and attestations (legacy `.sig`/`.att` tags, Sigstore
 * bundles and cosign artifacts as OCI 1.1 referrers or through the referrers tag schema) and notation
 * signatures (referrers), verifies each, and decides pass/fail.
 */
import { BulwarkError, isBulwarkError } from '../shared/errors.js';
import { RegistryClient } from '../source/registry/client.js';
import { formatReference, manifestRef, parseReference, repoName } from '../source/registry/reference.js';
import type { Descriptor } from '../source/schema.js';
import { BUNDLE_ARTIFACT_TYPE, bundleFromCosignLayer, DSSE_MEDIA_TYPE, parseBundle, SIMPLESIGNING_MEDIA_TYPE } from './cosign.js';
import { isVerifyError, VerifyError } from './errors.js';
import { artifactFailure, evalNotation, evalSigstore, type EvalContext, type Origin } from './evaluate.js';
import { digestTag, fetchManifest, fetchSmallBlob, fetchTagIfPresent, listReferrers, parseArtifactManifest } from './fetch.js';
import { JWS_MEDIA_TYPE, NOTATION_ARTIFACT_TYPE, parseTrustStore } from './notation.js';
import { resolvePolicy } from './notation-policy.js';
import { parsePublicKeys } from './sigstore.js';
import { summarize } from './summarize.js';
import { loadTrustedRoot } from './trusted-root.js';
import type { AttestationResult, SignatureResult, VerifyOptions, VerifyRequirements, VerifyResult } from './types.js';

/** At most this many signature artifacts (and layers per artifact) are looked at. */
const MAX_ARTIFACTS = 32;

/** USAGE unless the requirements ask for something checkable. */
export function validateRequirements(req: VerifyRequirements): void {
  if (!req.keys?.length && !req.identities?.length && !req.notation) {
    throw new BulwarkError('USAGE', 'nothing to verify against: give a --key, a --certificate-identity with --certificate-oidc-issuer, or a notation trust store');
  }
  for (const id of req.identities ?? []) {
    if ((id.subject === undefined) === (id.subjectRegExp === undefined) || (id.issuer === undefined) === (id.issuerRegExp === undefined)) {
      throw new BulwarkError('USAGE', 'each keyless identity needs exactly one of subject / subjectRegExp and one of issuer / issuerRegExp');
    }
    for (const re of [id.subjectRegExp, id.issuerRegExp]) {
      if (re === undefined) continue;
      try {
        new RegExp(re);
      } catch {
        throw new BulwarkError('USAGE', `invalid regular expression ${JSON.stringify(re)}`);
      }
    }
  }
}

/** Builds the evaluation context (keys, trusted root, notation store/policy) for `digest`. */
export async function makeContext(req: VerifyRequirements, opts: VerifyOptions, digest: string, scope: string): Promise<EvalContext> {
  validateRequirements(req);
  const warnings: string[] = [];
  const wantCosign = Boolean(req.keys?.length || req.identities?.length);
  const loaded = wantCosign ? await loadTrustedRoot(opts) : undefined;
  warnings.push(...(loaded?.warnings ?? []));
  const notation = req.notation ? { store: parseTrustStore(req.notation.trustStore), policy: resolvePolicy(req.notation.trustPolicy, scope) } : undefined;
  return { digest, root: loaded?.root, keys: parsePublicKeys(req.keys ?? []), identities: req.identities ?? [], notation, now: opts.now ?? new Date(), warnings };
}

interface Found {
  sigs: SignatureResult[];
  atts: AttestationResult[];
}

function add(found: Found, r: { sig?: SignatureResult; att?: AttestationResult }): void {
  if (r.sig) found.sigs.push(r.sig);
  if (r.att) found.atts.push(r.att);
}

/** Reads a cosign-layout manifest (legacy tag or cosign referrer): one signature per layer. */
async function cosignManifest(client: RegistryClient, repo: string, ctx: EvalContext, bytes: { bytes: Buffer; digest: string }, origin: Origin, found: Found): Promise<void> {
  const m = parseArtifactManifest({ ...bytes, mediaType: '', kind: 'manifest' }, `signature manifest ${bytes.digest}`);
  for (const layer of m.layers.slice(0, MAX_ARTIFACTS)) {
    if (layer.mediaType !== SIMPLESIGNING_MEDIA_TYPE && layer.mediaType !== DSSE_MEDIA_TYPE) continue;
    try {
      const blob = await fetchSmallBlob(client, repo, layer);
      const { bundle, artifact } = bundleFromCosignLayer(layer, blob);
      add(found, evalSigstore(ctx, bundle, origin, artifact));
    } catch (err) {
      if (!isVerifyError(err)) throw err;
      const r = artifactFailure(err, layer.annotations?.['dev.sigstore.cosign/certificate'] ? 'cosign-keyless' : 'cosign-key', origin);
      if (layer.mediaType === DSSE_MEDIA_TYPE) found.atts.push({ predicateType: layer.annotations?.predicateType ?? '(unknown)', layout: origin.layout, ok: false, reason: r.reason, code: r.code });
      else found.sigs.push(r);
    }
  }
}

/** Reads one referrer: a Sigstore bundle, a notation signature, or a cosign-layout manifest. */
async function referrer(client: RegistryClient, repo: string, ctx: EvalContext, desc: Descriptor, layout: Origin['layout'], found: Found, wantCosign: boolean): Promise<void> {
  const origin = { layout, source: desc.digest };
  const fetched = await fetchManifest(client, repo, desc.digest);
  const m = parseArtifactManifest(fetched, `referrer ${desc.digest}`);
  if (m.subject?.digest !== ctx.digest) throw new VerifyError('TAMPERED_MANIFEST', `referrer ${desc.digest} has subject ${m.subject?.digest ?? '(none)'}, not ${ctx.digest}`);
  const type = m.artifactType ?? m.config.mediaType;
  if (type === NOTATION_ARTIFACT_TYPE) {
    if (!ctx.notation) return;
    const layer = m.layers.find((l) => l.mediaType === JWS_MEDIA_TYPE);
    if (!layer) throw new VerifyError('MALFORMED_SIGNATURE', `notation signature ${desc.digest} has no ${JWS_MEDIA_TYPE} layer (COSE envelopes are not supported)`);
    found.sigs.push(evalNotation(ctx, await fetchSmallBlob(client, repo, layer), origin));
    return;
  }
  if (!wantCosign) return;
  if (BUNDLE_ARTIFACT_TYPE.test(type)) {
    const layer = m.layers[0];
    if (!layer) throw new VerifyError('MALFORMED_SIGNATURE', `bundle artifact ${desc.digest} has no layers`);
    add(found, evalSigstore(ctx, parseBundle(await fetchSmallBlob(client, repo, layer), `bundle ${layer.digest}`), origin));
    return;
  }
  if (m.layers.some((l) => l.mediaType === SIMPLESIGNING_MEDIA_TYPE || l.mediaType === DSSE_MEDIA_TYPE)) await cosignManifest(client, repo, ctx, fetched, origin, found);
}

/** Verifies signatures and attestations of a registry image (see VerifyRequirements). */
export async function verifyImage(reference: string, req: VerifyRequirements, opts: VerifyOptions = {}): Promise<VerifyResult> {
  validateRequirements(req);
  const ref = parseReference(reference);
  const repo = ref.repository;
  const client = new RegistryClient(ref.registry, opts.registry ?? {});
  const wantCosign = Boolean(req.keys?.length || req.identities?.length);
  try {
    let top;
    try {
      top = await fetchManifest(client, repo, manifestRef(ref));
    } catch (err) {
      if (!isVerifyError(err)) throw err;
      return summarizeFailure(formatReference(ref), ref.digest ?? '', err);
    }
    const ctx = await makeContext(req, opts, top.digest, repoName(ref));
    ctx.manifest = top.bytes;
    const found: Found = { sigs: [], atts: [] };
    const where: string[] = [];
    if (wantCosign) {
      for (const suffix of ['.sig', '.att']) {
        const tag = digestTag(top.digest, suffix);
        where.push(`tag ${tag}`);
        const origin: Origin = { layout: 'legacy-tag', source: `${repo}:${tag}` };
        try {
          const m = await fetchTagIfPresent(client, repo, tag);
          if (m) await cosignManifest(client, repo, ctx, m, origin, found);
        } catch (err) {
          if (!isVerifyError(err)) throw err;
          found.sigs.push(artifactFailure(err, 'cosign-key', origin));
        }
      }
    }
    const refs = await listReferrers(client, repo, top.digest);
    where.push(refs.layout === 'referrers' ? 'the referrers API' : `the referrers tag ${digestTag(top.digest)}`);
    for (const desc of refs.manifests.slice(0, MAX_ARTIFACTS)) {
      try {
        await referrer(client, repo, ctx, desc, refs.layout, found, wantCosign);
      } catch (err) {
        if (!isVerifyError(err) && !isBulwarkError(err, 'REGISTRY_NOT_FOUND')) throw err;
        const e = isVerifyError(err) ? err : new VerifyError('MALFORMED_SIGNATURE', `referrer ${desc.digest} is listed but missing`);
        found.sigs.push(artifactFailure(e, desc.artifactType === NOTATION_ARTIFACT_TYPE ? 'notation' : 'cosign-key', { layout: refs.layout, source: desc.digest }));
      }
    }
    return summarize(req, { reference: formatReference(ref), digest: top.digest, warnings: ctx.warnings, where: where.join(', ') }, found.sigs, found.atts);
  } finally {
    client.close();
  }
}

/** The result when the image itself cannot be trusted (tampered or lying registry). */
function summarizeFailure(reference: string, digest: string, err: VerifyError): VerifyResult {
  return { reference, digest, signatures: [], attestations: [], ok: false, reasons: [err.reason], warnings: [] };
}
