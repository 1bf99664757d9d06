/**
 * The check framework. A check is metadata plus a small function (ESLint/hadolint style):
 * stable ID, severity, rationale, remediation, references to CIS Docker Benchmark 1.6 and to the
 * peers' IDs, and good/bad examples that drive both its tests and its docs page docs/checks/<ID>.md.
 */

export type CheckTarget = 'image' | 'dockerfile' | 'kubernetes' | 'compose' | 'host';
export type CheckSeverity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'INFO';

/** ID prefix per target. */
export const ID_PREFIX: Record<CheckTarget, string> = {
  image: 'IMG-',
  dockerfile: 'DF-',
  kubernetes: 'K8S-',
  compose: 'CMP-',
  host: 'HOST-',
};

export interface CheckReferences {
  /** CIS Docker Benchmark 1.6 section, e.g. "4.1" */
  cis?: string;
  dockle?: string;
  hadolint?: string;
  trivy?: string;
  kubesec?: string;
  polaris?: string;
  /** Kubernetes Pod Security Standards control, e.g. "baseline: Privileged Containers" */
  pss?: string;
  urls?: string[];
}

/**
 * A good or bad example. `input` is in the target's own form: Dockerfile text, manifest YAML,
 * compose YAML, an ImageSpec for Bulwark's image writer (image checks), or a host fixture (host checks).
 */
export interface CheckExample<I = unknown> {
  description: string;
  input: I;
}

export interface CheckMeta<I = unknown> {
  id: string;
  /** kebab-case name, e.g. "last-user-root" */
  slug: string;
  target: CheckTarget;
  title: string;
  severity: CheckSeverity;
  rationale: string;
  remediation: string;
  references: CheckReferences;
  examples: { good: CheckExample<I>[]; bad: CheckExample<I>[] };
}

/** Where a finding is: a file and line (Dockerfile, manifests, host files), or a path and layer in an image. */
export interface CheckLocation {
  /** file path (manifests, Dockerfile, host) or path inside the image */
  path?: string;
  line?: number;
  /** 0-based layer index (image checks) */
  layer?: number;
  /** the layer's created_by, shortened */
  layerCreatedBy?: string;
  /** Kubernetes/compose object: "Deployment/web container app" */
  object?: string;
}

/** What a check's run() returns for each problem it sees. */
export interface CheckHit {
  message: string;
  location?: CheckLocation;
  /** a redacted excerpt shown to the user (never a raw secret) */
  evidence?: string;
}

/** A check result as reported: one per hit, with the check's metadata resolved. */
export interface ConfigFinding {
  checkId: string;
  slug: string;
  target: CheckTarget;
  severity: CheckSeverity;
  title: string;
  message: string;
  remediation: string;
  /** the scanned file or image reference */
  source: string;
  location?: CheckLocation;
  evidence?: string;
  references: CheckReferences;
}

/** A check over one input of its target. `I` is the target's input type. */
export interface Check<I> {
  meta: CheckMeta<unknown>;
  run(input: I): CheckHit[];
}

/** An inline suppression: `# bulwark:ignore DF-003 reason` on or above the line, or file-wide. */
export interface InlineSuppression {
  checkId: string;
  reason: string;
  /** line the suppression applies to; undefined = whole file */
  line?: number;
}
