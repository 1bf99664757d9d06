/**
 * Schemas for attacker-controlled JSON: manifests, indexes, configs, docker-save manifest.json.
 * Parsing goes through parseJson() so no SyntaxError or shape error escapes as anything but a one-line
 * BulwarkError naming the file.
 */
// zod's v3 API (shipped inside zod 4) on this start-up path: importing it costs ~8 ms against ~35 ms
// for the v4 core, a tenth of a small image's whole scan. parseJson takes either kind of schema.
import { z } from 'zod/v3';
import { BulwarkError, type ErrorCode } from '../shared/errors.js';

const digest = z.string().regex(/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/, 'invalid digest');

export const descriptorSchema = z.object({
  mediaType: z.string(),
  digest,
  size: z.number().int().nonnegative(),
  annotations: z.record(z.string(), z.string()).optional(),
  platform: z
    .object({ os: z.string(), architecture: z.string(), variant: z.string().optional() })
    .passthrough()
    .optional(),
  artifactType: z.string().optional(),
});
export type Descriptor = z.infer<typeof descriptorSchema>;

export const indexSchema = z.object({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  manifests: z.array(descriptorSchema),
  annotations: z.record(z.string(), z.string()).optional(),
});
export type ImageIndex = z.infer<typeof indexSchema>;

export const manifestSchema = z.object({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  config: descriptorSchema,
  layers: z.array(descriptorSchema),
  subject: descriptorSchema.optional(),
  annotations: z.record(z.string(), z.string()).optional(),
  artifactType: z.string().optional(),
});
export type ImageManifest = z.infer<typeof manifestSchema>;

const strList = z.array(z.string()).nullish();
export const configSchema = z
  .object({
    architecture: z.string().optional(),
    os: z.string().optional(),
    variant: z.string().optional(),
    created: z.string().optional(),
    author: z.string().optional(),
    config: z
      .object({
        User: z.string().optional(),
        Env: strList,
        Cmd: strList,
        Entrypoint: strList,
        ExposedPorts: z.record(z.string(), z.unknown()).nullish(),
        Volumes: z.record(z.string(), z.unknown()).nullish(),
        WorkingDir: z.string().optional(),
        Labels: z.record(z.string(), z.string()).nullish(),
        Healthcheck: z.object({ Test: strList }).passthrough().nullish(),
        StopSignal: z.string().optional(),
        Shell: strList,
        OnBuild: strList,
      })
      .passthrough()
      .nullish(),
    rootfs: z.object({ type: z.string(), diff_ids: z.array(digest) }),
    history: z
      .array(
        z
          .object({
            created: z.string().optional(),
            created_by: z.string().optional(),
            author: z.string().optional(),
            comment: z.string().optional(),
            empty_layer: z.boolean().optional(),
          })
          .passthrough(),
      )
      .optional(),
  })
  .passthrough();

export const dockerSaveManifestSchema = z
  .array(
    z.object({
      Config: z.string(),
      RepoTags: z.array(z.string()).nullish(),
      Layers: z.array(z.string()),
      LayerSources: z.record(z.string(), descriptorSchema).optional(),
    }),
  )
  .min(1, 'no images listed');

/** What parseJson needs of a schema: zod v3 and v4 schemas both fit. */
export interface SafeParser<T> {
  safeParse(raw: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** Parses JSON bytes against a schema, turning every failure into a one-line BulwarkError. */
export function parseJson<T>(bytes: Buffer | string, schema: SafeParser<T>, what: string, code: ErrorCode = 'MALFORMED_MANIFEST'): T {
  let raw: unknown;
  try {
    raw = JSON.parse(typeof bytes === 'string' ? bytes : bytes.toString('utf8'));
  } catch (err) {
    throw new BulwarkError(code, `${what} is not valid JSON (${(err as Error).message})`);
  }
  const res = schema.safeParse(raw);
  if (!res.success) {
    const issue = res.error.issues[0]!;
    const at = issue.path.length ? issue.path.map(String).join('.') : '(root)';
    throw new BulwarkError(code, `${what} is malformed: ${at}: ${issue.message}`);
  }
  return res.data;
}
