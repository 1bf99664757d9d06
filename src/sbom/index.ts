/** SBOM writers. (CycloneDX and SPDX encoders are being written; see src/sbom/.) */
import type { Inventory } from '../app/inventory.js';
import { BulwarkError } from '../shared/errors.js';

export type SbomFormat = 'cyclonedx' | 'spdx';

export function renderSbom(_inv: Inventory, format: SbomFormat): string {
  throw new BulwarkError('USAGE', `SBOM format ${format} is not available yet`);
}
