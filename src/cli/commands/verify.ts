/**
 * `bulwark verify <ref>`: cosign (keyed / keyless) and notation signatures and attestations, in one
 * command. Exit 0 when verification passes, 1 when it fails (one "<CODE>: <message>" line per reason
 * on stderr), and the usual codes for usage (2), bad input (3) and registry (4) errors.
 * `bulwark verify --bundle file --digest sha256:…` verifies a Sigstore bundle file offline.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { BulwarkError, errorMessage } from '../../shared/errors.js';
import { resolveCacheDir } from '../../cache/dirs.js';
import { join } from 'node:path';
import { verifyBundleFile, verifyImage, verifyJson, verifyTable, type IdentityRequirement, type VerifyRequirements, type VerifyResult } from '../../verify/index.js';
import { writeOutput } from '../common.js';

interface VerifyFlags {
  key?: string[];
  certificateIdentity?: string;
  certificateIdentityRegexp?: string;
  certificateOidcIssuer?: string;
  certificateOidcIssuerRegexp?: string;
  attestationType?: string[];
  trustedRoot?: string;
  offline?: boolean;
  bundle?: string;
  digest?: string;
  manifest?: string;
  notationCert?: string[];
  notationPolicy?: string;
  signatureOptional?: boolean;
  format?: string;
  output?: string;
  username?: string;
  password?: string;
  plainHttp?: boolean;
  insecure?: boolean;
  dockerConfig?: string;
}

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new BulwarkError('NOT_FOUND', `cannot read ${what} ${path}: ${errorMessage(err)}`);
  }
}

function identity(f: VerifyFlags): IdentityRequirement[] {
  const s = f.certificateIdentity !== undefined || f.certificateIdentityRegexp !== undefined;
  const i = f.certificateOidcIssuer !== undefined || f.certificateOidcIssuerRegexp !== undefined;
  if (!s && !i) return [];
  if (f.certificateIdentity !== undefined && f.certificateIdentityRegexp !== undefined) throw new BulwarkError('USAGE', 'give --certificate-identity or --certificate-identity-regexp, not both');
  if (f.certificateOidcIssuer !== undefined && f.certificateOidcIssuerRegexp !== undefined) throw new BulwarkError('USAGE', 'give --certificate-oidc-issuer or --certificate-oidc-issuer-regexp, not both');
  if (!s || !i) throw new BulwarkError('USAGE', 'keyless verification needs both a certificate identity and an OIDC issuer');
  return [{ subject: f.certificateIdentity, subjectRegExp: f.certificateIdentityRegexp, issuer: f.certificateOidcIssuer, issuerRegExp: f.certificateOidcIssuerRegexp }];
}

/** Builds VerifyRequirements from the flags (reading key, certificate and policy files). */
export async function requirementsFromFlags(f: VerifyFlags): Promise<VerifyRequirements> {
  const keys = await Promise.all((f.key ?? []).map((k) => readText(k, 'key')));
  const req: VerifyRequirements = { keys, identities: identity(f), attestations: (f.attestationType ?? []).map((predicateType) => ({ predicateType })) };
  if (f.notationCert?.length) {
    const trustStore = await Promise.all(f.notationCert.map((c) => readText(c, 'notation certificate')));
    let trustPolicy: object | undefined;
    if (f.notationPolicy) {
      try {
        trustPolicy = JSON.parse(await readText(f.notationPolicy, 'notation trust policy')) as object;
      } catch (err) {
        if (err instanceof BulwarkError) throw err;
        throw new BulwarkError('USAGE', `notation trust policy ${f.notationPolicy} is not JSON`);
      }
    }
    req.notation = { trustStore, trustPolicy };
  }
  if (f.signatureOptional) req.requireSignature = false;
  return req;
}

function render(r: VerifyResult, format: string): string {
  return format === 'json' ? verifyJson(r) : verifyTable(r);
}

/** Registers `bulwark verify`. */
export function registerVerifyCommands(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  program
    .command('verify [image]')
    .description('verify cosign / notation signatures and attestations of an image (exit 0 pass, 1 fail)')
    .option('--key <file>', 'PEM public key (ECDSA, Ed25519, RSA); repeatable', collect)
    .option('--certificate-identity <id>', 'keyless: exact signer identity (certificate SAN)')
    .option('--certificate-identity-regexp <re>', 'keyless: signer identity regular expression')
    .option('--certificate-oidc-issuer <url>', 'keyless: exact OIDC issuer')
    .option('--certificate-oidc-issuer-regexp <re>', 'keyless: OIDC issuer regular expression')
    .option('--attestation-type <type>', 'require a verified attestation of this predicate type (URI or cosign name: slsaprovenance, slsaprovenance1, cyclonedx, spdx, vuln); repeatable', collect)
    .option('--signature-optional', 'with --attestation-type: pass on attestations alone')
    .option('--trusted-root <file>', 'Sigstore trusted_root.json (private deployments, offline)')
    .option('--offline', 'no TUF refresh: use --trusted-root or the embedded public-good root')
    .option('--bundle <file>', 'verify a Sigstore bundle file instead of an image (needs --digest)')
    .option('--digest <sha256:…>', 'the image digest the --bundle must be for')
    .option('--manifest <file>', 'the image manifest (for message-signature bundles)')
    .option('--notation-cert <file>', 'notation trust-store CA certificate (PEM); repeatable', collect)
    .option('--notation-policy <file>', 'notation trust policy JSON (version 1.0)')
    .option('--format <format>', 'table | json', 'table')
    .option('-o, --output <file>', 'write the report to a file')
    .option('--username <user>', 'registry user name (else from docker config.json)')
    .option('--password <password>', 'registry password or token (prefer $BULWARK_PASSWORD)')
    .option('--plain-http', 'talk plain HTTP to the registry (loopback registries)')
    .option('--insecure', 'accept a registry TLS certificate that does not verify')
    .option('--docker-config <file>', 'docker config.json with registry credentials')
    .action((image: string | undefined, flags: VerifyFlags) =>
      run(async () => {
        const format = flags.format ?? 'table';
        if (format !== 'table' && format !== 'json') throw new BulwarkError('USAGE', `unknown format ${JSON.stringify(format)} (use table, json)`);
        const req = await requirementsFromFlags(flags);
        const opts = { trustedRootPath: flags.trustedRoot, offline: flags.offline, tufCacheDir: join(resolveCacheDir(), 'tuf') };
        let result: VerifyResult;
        if (flags.bundle) {
          if (image) throw new BulwarkError('USAGE', 'give an image or --bundle, not both');
          if (!flags.digest) throw new BulwarkError('USAGE', '--bundle needs --digest sha256:<hex>');
          result = await verifyBundleFile(flags.bundle, flags.digest, req, { ...opts, offline: true, manifestPath: flags.manifest });
        } else {
          if (!image) throw new BulwarkError('USAGE', 'give an image reference (or --bundle with --digest)');
          const registry = {
            username: flags.username ?? process.env.BULWARK_USERNAME,
            password: flags.password ?? process.env.BULWARK_PASSWORD,
            plainHttp: flags.plainHttp,
            insecureSkipVerify: flags.insecure,
            dockerConfig: flags.dockerConfig,
          };
          result = await verifyImage(image, req, { ...opts, registry });
        }
        await writeOutput(render(result, format), flags.output);
        if (!result.ok) process.stderr.write(result.reasons.join('\n') + '\n');
        return result.ok ? 0 : 1;
      }),
    );
}
