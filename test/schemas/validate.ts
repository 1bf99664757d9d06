/**
 * Validates SBOMs against the official JSON schemas: CycloneDX 1.6 (with the SPDX license-id and JSF
 * schemas it references) as shipped by @cyclonedx/cyclonedx-library, and SPDX 2.3 vendored here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';

const require = createRequire(import.meta.url);
const cdxDir = join(dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');
const here = dirname(fileURLToPath(import.meta.url));

function load(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function newAjv(): Ajv {
  // strict off: the schemas use annotation keywords ajv does not know ("meta:enum", "deprecated")
  const ajv = new Ajv({ strict: false, allErrors: true });
  formats.default(ajv);
  // draft 2019 formats ajv-formats lacks; the CycloneDX library checks them with another plugin
  ajv.addFormat('iri-reference', true);
  ajv.addFormat('idn-email', true);
  return ajv;
}

let cdx: ValidateFunction | undefined;
let spdx: ValidateFunction | undefined;

function cycloneDxValidator(): ValidateFunction {
  if (cdx) return cdx;
  const ajv = newAjv();
  // the library renames the referenced files *.SNAPSHOT.schema.json; register them under those names
  for (const name of ['spdx', 'jsf-0.82']) ajv.addSchema({ ...load(join(cdxDir, `${name}.SNAPSHOT.schema.json`)), $id: `http://cyclonedx.org/schema/${name}.SNAPSHOT.schema.json` });
  cdx = ajv.compile(load(join(cdxDir, 'bom-1.6.SNAPSHOT.schema.json')));
  return cdx;
}

function spdxValidator(): ValidateFunction {
  spdx ??= newAjv().compile(load(join(here, 'spdx-schema-2.3.json')));
  return spdx;
}

/** Returns the schema errors of a document ([] when valid). */
export function schemaErrors(format: 'cyclonedx' | 'spdx', doc: unknown): string[] {
  const validate = format === 'cyclonedx' ? cycloneDxValidator() : spdxValidator();
  if (validate(doc)) return [];
  return (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
