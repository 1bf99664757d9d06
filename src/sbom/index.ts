/** SBOM output (CycloneDX 1.6 and SPDX 2.3 JSON) and input (CycloneDX 1.4–1.7, SPDX 2.2/2.3 JSON). */
import type { Inventory } from '../app/inventory.js';
import { renderCycloneDx, type SbomWriteOptions } from './cyclonedx.js';
import { renderSpdx } from './spdx.js';

export type SbomFormat = 'cyclonedx' | 'spdx';

/** Renders the inventory in the given SBOM format (JSON text ending in a newline). */
export function renderSbom(inv: Inventory, format: SbomFormat, opts: SbomWriteOptions = {}): string {
  return format === 'spdx' ? renderSpdx(inv, opts) : renderCycloneDx(inv, opts);
}

export type { SbomWriteOptions } from './cyclonedx.js';
