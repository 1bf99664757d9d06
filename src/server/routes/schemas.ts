/** JSON schemas shared by the routes: they validate input and document the API (OpenAPI). */

export const errorSchema = {
  $id: 'Error',
  type: 'object',
  properties: { error: { type: 'string' }, message: { type: 'string' } },
  required: ['error', 'message'],
} as const;

const severityCounts = { type: 'object', additionalProperties: { type: 'integer' } } as const;

export const imageSchema = {
  $id: 'Image',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    ref: { type: 'string' },
    digest: { type: 'string' },
    sourceKind: { type: 'string', enum: ['image', 'sbom', 'watch'] },
    osManagedUpstream: { type: 'boolean' },
    registeredAt: { type: 'string', format: 'date-time' },
    lastScanAt: { type: 'string', format: 'date-time' },
    findings: severityCounts,
  },
  required: ['id', 'ref', 'sourceKind', 'registeredAt'],
} as const;

export const scanSchema = {
  $id: 'Scan',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    imageId: { type: 'integer' },
    time: { type: 'string', format: 'date-time' },
    advisoryStamp: { type: 'string', description: 'updated_at of the advisory database matched against' },
    trigger: { type: 'string', description: 'register | rematch | schedule | watch' },
    findings: { type: 'integer' },
    bySeverity: { ...severityCounts, description: 'open findings per severity (absent for scans recorded before this was kept)' },
  },
  required: ['id', 'imageId', 'time', 'trigger', 'findings'],
} as const;

export const eventSchema = {
  $id: 'Event',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    type: { type: 'string', description: 'vulnerability.new | vulnerability.resolved | os.eol | policy.failing | image.registered | image.updated | image.deleted' },
    imageId: { type: 'integer' },
    imageRef: { type: 'string' },
    payload: { type: 'object', additionalProperties: true },
    createdAt: { type: 'string', format: 'date-time' },
  },
  required: ['id', 'type', 'payload', 'createdAt'],
} as const;

export const findingSchema = {
  $id: 'Finding',
  type: 'object',
  description: 'A current finding; `finding` has the shape of the JSON report\'s findings (docs/json-report.md)',
  properties: {
    vulnId: { type: 'string' },
    pkg: { type: 'string', description: 'the package purl' },
    path: { type: 'string' },
    severity: { type: 'string', enum: ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'NEGLIGIBLE', 'UNKNOWN'] },
    firstSeen: { type: 'string', format: 'date-time' },
    finding: { type: 'object', additionalProperties: true },
  },
  required: ['vulnId', 'pkg', 'path', 'severity', 'firstSeen', 'finding'],
} as const;

export const tokenSchema = {
  $id: 'Token',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    role: { type: 'string', enum: ['admin', 'scanner', 'viewer'] },
    createdAt: { type: 'string', format: 'date-time' },
    lastUsedAt: { type: 'string', format: 'date-time' },
    revoked: { type: 'boolean' },
  },
  required: ['id', 'name', 'role', 'createdAt', 'revoked'],
} as const;

export const webhookSchema = {
  $id: 'Webhook',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    url: { type: 'string' },
    format: { type: 'string', enum: ['generic', 'slack'] },
    events: { type: 'array', items: { type: 'string' } },
    enabled: { type: 'boolean' },
    createdAt: { type: 'string', format: 'date-time' },
  },
  required: ['id', 'url', 'format', 'events', 'enabled', 'createdAt'],
} as const;

export const deliverySchema = {
  $id: 'Delivery',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    webhookId: { type: 'integer' },
    eventId: { type: 'integer' },
    status: { type: 'string', enum: ['pending', 'delivered', 'dead'] },
    attempts: { type: 'integer' },
    nextAttemptAt: { type: 'string', format: 'date-time' },
    lastError: { type: 'string' },
    lastStatus: { type: 'integer' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
  required: ['id', 'webhookId', 'eventId', 'status', 'attempts'],
} as const;

export const watchSchema = {
  $id: 'Watch',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    repository: { type: 'string' },
    tagPattern: { type: 'string' },
    osManagedUpstream: { type: 'boolean' },
    createdAt: { type: 'string', format: 'date-time' },
    lastPolledAt: { type: 'string', format: 'date-time' },
    lastError: { type: 'string' },
  },
  required: ['id', 'repository', 'tagPattern', 'osManagedUpstream', 'createdAt'],
} as const;

export const layerSchema = {
  $id: 'Layer',
  type: 'object',
  properties: {
    index: { type: 'integer', description: '0-based, base layer first' },
    diffId: { type: 'string' },
    digest: { type: 'string', description: 'compressed blob digest, when the source has one' },
    size: { type: 'integer', description: 'uncompressed bytes' },
    createdBy: { type: 'string', description: 'the history entry that produced the layer' },
  },
  required: ['index', 'diffId', 'size'],
} as const;

export const configFindingSchema = {
  $id: 'ConfigFinding',
  type: 'object',
  description: 'An image hardening check result, as in the JSON report\'s configFindings (docs/json-report.md)',
  properties: {
    checkId: { type: 'string' },
    slug: { type: 'string' },
    severity: { type: 'string', enum: ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'] },
    title: { type: 'string' },
    message: { type: 'string' },
    remediation: { type: 'string' },
    source: { type: 'string' },
    location: { type: 'object', additionalProperties: true },
    evidence: { type: 'string', description: 'redacted where it could hold a secret' },
    references: { type: 'object', additionalProperties: true },
  },
  required: ['checkId', 'severity', 'title', 'message'],
  additionalProperties: true,
} as const;

export const secretFindingSchema = {
  $id: 'SecretFinding',
  type: 'object',
  description: 'A secret found in the image, redacted exactly as the scanner reports it (the value is never stored)',
  properties: {
    ruleId: { type: 'string' },
    category: { type: 'string' },
    severity: { type: 'string' },
    title: { type: 'string' },
    path: { type: 'string' },
    line: { type: 'integer' },
    match: { type: 'string', description: 'redacted value, e.g. "ghp_****"' },
    key: { type: 'string' },
    layer: { type: 'integer' },
    layerCreatedBy: { type: 'string' },
    deletedLater: { type: 'boolean' },
  },
  required: ['ruleId', 'severity', 'title', 'path', 'line', 'match'],
} as const;

export const SHARED_SCHEMAS = [errorSchema, imageSchema, scanSchema, eventSchema, findingSchema, tokenSchema, webhookSchema, deliverySchema, watchSchema, layerSchema, configFindingSchema, secretFindingSchema];

/** `{ $ref: 'Name#' }` */
export const ref = (id: string): { $ref: string } => ({ $ref: `${id}#` });

/** Standard error responses for an authenticated route. */
export const authErrors = { 401: ref('Error'), 403: ref('Error') };

export const idParams = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] } as const;

/** What a registration or a single-image re-match answers. */
export const matchOutcomeSchema = {
  type: 'object',
  properties: {
    image: ref('Image'),
    scan: ref('Scan'),
    events: { type: 'array', items: ref('Event') },
    warnings: { type: 'array', items: { type: 'string' } },
  },
  required: ['image', 'events', 'warnings'],
} as const;
