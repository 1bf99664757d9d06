/** `bulwark sbom`, `bulwark packages` and `bulwark rootfs`: inventory of an image or directory. */
import type { Command } from 'commander';
import { scanAnalyzers } from '../../app/analyzers.js';
import { inventoryImage, scanImage, scanRootfs, type Inventory, type ScanOptions, type ScanResult } from '../../app/inventory.js';
import { filesJson, filesTable } from '../../report/files-list.js';
import { packagesJson, packagesTable } from '../../report/packages-table.js';
import { renderSbom, type SbomFormat } from '../../sbom/index.js';
import { BulwarkError } from '../../shared/errors.js';
import { isRootfsTarget } from '../../source/resolve.js';
import { addScanFlags, scanOptions, writeChunks, writeOutput, type GlobalFlags } from '../common.js';

const FORMATS = ['table', 'json', 'cyclonedx', 'spdx'] as const;
type Format = (typeof FORMATS)[number];

function checkFormat(f: string): Format {
  const norm = f === 'cyclonedx-json' ? 'cyclonedx' : f === 'spdx-json' ? 'spdx' : f;
  if (!(FORMATS as readonly string[]).includes(norm)) throw new BulwarkError('USAGE', `unknown format ${JSON.stringify(f)} (use ${FORMATS.join(', ')})`);
  return norm as Format;
}

/** Packages, SBOMs and file lists need only the catalogers; layers a full scan cached are reused. */
function inventoryOptions(flags: GlobalFlags, image: boolean): ScanOptions {
  return { ...scanOptions(flags), cacheSupersets: [scanAnalyzers(image)] };
}

/** The final filesystem with its layers (`files`). */
async function filesOf(target: string, flags: GlobalFlags): Promise<ScanResult> {
  const dir = await isRootfsTarget(target);
  const opts = inventoryOptions(flags, !dir);
  return dir ? scanRootfs(dir, opts) : scanImage(target, opts);
}

/** Packages and SBOMs need no file lists: an image's inventory may come whole from the cache. */
async function packagesOf(target: string, flags: GlobalFlags): Promise<Inventory> {
  const dir = await isRootfsTarget(target);
  const opts = inventoryOptions(flags, !dir);
  return dir ? (await scanRootfs(dir, opts)).inventory : inventoryImage(target, opts);
}

function render(inv: Inventory, format: Format): string {
  if (format === 'table') return packagesTable(inv);
  if (format === 'json') return packagesJson(inv);
  return renderSbom(inv, format as SbomFormat);
}

export function registerInventoryCommands(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  addScanFlags(
    program
      .command('sbom <target>')
      .description('write an SBOM (CycloneDX 1.6 or SPDX 2.3 JSON) of an image or directory')
      .option('-f, --format <format>', 'cyclonedx | spdx | json | table', 'cyclonedx'),
  ).action((target: string, flags: GlobalFlags) =>
    run(async () => {
      const format = checkFormat(flags.format ?? 'cyclonedx');
      await writeOutput(render(await packagesOf(target, flags), format), flags.output);
      return 0;
    }),
  );
  addScanFlags(
    program
      .command('packages <target>')
      .alias('inventory')
      .description('list every package in an image or directory')
      .option('-f, --format <format>', 'table | json | cyclonedx | spdx', 'table'),
  ).action((target: string, flags: GlobalFlags) =>
    run(async () => {
      const format = checkFormat(flags.format ?? 'table');
      await writeOutput(render(await packagesOf(target, flags), format), flags.output);
      return 0;
    }),
  );
  addScanFlags(
    program
      .command('files <target>')
      .description('list the final filesystem, each path with the layer that introduced it')
      .option('-f, --format <format>', 'table | json', 'table'),
  ).action((target: string, flags: GlobalFlags) =>
    run(async () => {
      const f = flags.format ?? 'table';
      if (f !== 'table' && f !== 'json') throw new BulwarkError('USAGE', `unknown format ${JSON.stringify(f)} (use table, json)`);
      const res = await filesOf(target, flags);
      await writeChunks(f === 'json' ? filesJson(res) : filesTable(res), flags.output);
      return 0;
    }),
  );
}
