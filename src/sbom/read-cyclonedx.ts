/**
 * CycloneDX JSON (1.4–1.7) reader: Bulwark's own BOMs, Trivy's and Syft's. Only the fields read here
 * are validated; everything else in the (attacker-controlled) document is ignored.
 */
import { z } from 'zod';
import type { OsInfo, Package } from '../catalog/types.js';
import { toPackage, type ForeignEntry } from './read-package.js';
import { normalizeFamily } from './read-purl.js';
import { checked, inferOs, type SbomInput } from './read-common.js';

const property = z.object({ name: z.string().max(1024), value: z.string().max(65536).optional() });
const license = z
  .object({
    license: z.object({ id: z.string().max(4096).optional(), name: z.string().max(4096).optional() }).passthrough().optional(),
    expression: z.string().max(4096).optional(),
  })
  .passthrough();

interface Component {
  type: string;
  name: string;
  version?: string;
  group?: string;
  purl?: string;
  description?: string;
  licenses?: z.infer<typeof license>[];
  properties?: z.infer<typeof property>[];
  components?: Component[];
}
const component: z.ZodType<Component> = z.lazy(() =>
  z
    .object({
      type: z.string(),
      name: z.string().max(4096),
      version: z.string().max(4096).optional(),
      group: z.string().max(4096).optional(),
      purl: z.string().max(4096).optional(),
      description: z.string().optional(),
      licenses: z.array(license).optional(),
      properties: z.array(property).optional(),
      components: z.array(component).optional(),
    })
    .passthrough(),
);
const toolList = z.array(z.object({ name: z.string().optional() }).passthrough());
const bomSchema = z
  .object({
    bomFormat: z.literal('CycloneDX'),
    specVersion: z.string().regex(/^1\.[4-7]$/, 'unsupported CycloneDX version (1.4 to 1.7 are read)'),
    metadata: z
      .object({
        component: component.optional(),
        tools: z.union([toolList, z.object({ components: toolList.optional() }).passthrough()]).optional(),
      })
      .passthrough()
      .optional(),
    components: z.array(component).optional(),
  })
  .passthrough();

const PACKAGE_TYPES = new Set(['library', 'application', 'framework']);

function props(c: Component): { name: string; value: string }[] {
  return (c.properties ?? []).map((p) => ({ name: p.name, value: p.value ?? '' }));
}

function licensesOf(c: Component): string[] {
  const out: string[] = [];
  for (const l of c.licenses ?? []) {
    const v = l.expression ?? l.license?.id ?? l.license?.name;
    if (v?.trim()) out.push(v.trim());
  }
  return out;
}

/** All components, nested ones included, depth first in document order. */
function flatten(list: Component[] | undefined, out: Component[] = []): Component[] {
  for (const c of list ?? []) {
    out.push(c);
    flatten(c.components, out);
  }
  return out;
}

function osOf(c: Component): OsInfo {
  const p = props(c);
  const get = (n: string): string | undefined => p.find((x) => x.name === n)?.value || undefined;
  const os: OsInfo = { family: normalizeFamily(c.name), version: c.version ?? '' };
  const versionId = get('bulwark:os:versionID') ?? get('syft:distro:versionID');
  if (versionId) os.versionId = versionId;
  const codename = get('bulwark:os:codename') ?? get('syft:distro:versionCodename');
  if (codename) os.codename = codename;
  const name = get('bulwark:os:name');
  if (name) os.name = name;
  if (c.description) os.prettyName = c.description;
  const like = p.filter((x) => x.name === 'bulwark:os:like').map((x) => x.value);
  if (like.length) os.like = like;
  return os;
}

function toolName(tools: NonNullable<z.infer<typeof bomSchema>['metadata']>['tools']): string | undefined {
  if (!tools) return undefined;
  const list = Array.isArray(tools) ? tools : (tools.components ?? []);
  return list.find((t) => t.name)?.name;
}

/** Reads a parsed CycloneDX document. */
export function readCycloneDx(raw: unknown, what: string): SbomInput {
  const bom = checked(bomSchema, raw, what);
  const root = bom.metadata?.component;
  const rootProps = root ? props(root) : [];
  const layerOrder = rootProps.filter((p) => p.name === 'bulwark:image:layer:diffID' || p.name === 'aquasecurity:trivy:DiffID').map((p) => p.value);
  const tool = toolName(bom.metadata?.tools);
  const all = flatten(bom.components);
  let os: OsInfo | undefined;
  const packages: Package[] = [];
  const skipped = new Map<string, number>();
  for (const c of all) {
    if (c.type === 'operating-system') {
      os ??= osOf(c);
      continue;
    }
    if (!PACKAGE_TYPES.has(c.type)) continue;
    const p = props(c);
    // Trivy lists each lock file as an "application" without a purl; its packages follow as libraries
    if (!c.purl && !p.some((x) => x.name === 'bulwark:package:type' || x.name === 'aquasecurity:trivy:PkgType')) {
      if (c.type === 'library') skipped.set('no purl or package type', (skipped.get('no purl or package type') ?? 0) + 1);
      continue;
    }
    const entry: ForeignEntry = { name: c.name, version: c.version, purl: c.purl, licenses: licensesOf(c), props: p, foundBy: `sbom:${tool ?? 'cyclonedx'}`, layerOrder };
    const pkg = toPackage(entry);
    if ('skipped' in pkg) skipped.set(pkg.skipped, (skipped.get(pkg.skipped) ?? 0) + 1);
    else packages.push(pkg);
  }
  const warnings = [...skipped].map(([why, n]) => `${n} component${n === 1 ? '' : 's'} skipped (${why})`);
  return {
    format: 'cyclonedx',
    specVersion: bom.specVersion,
    tool,
    target: { name: root?.name ?? 'unknown', ...(root?.version ? { version: root.version } : {}), ...(root?.purl ? { purl: root.purl } : {}) },
    os: os ?? inferOs(packages),
    packages,
    warnings,
  };
}
