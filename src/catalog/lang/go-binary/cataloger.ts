/** Go binaries: module dependencies, main module and toolchain (stdlib) from the embedded build info. */
import type { Cataloger, ParseResult } from '../../types.js';
import { withReader } from '../internal/byte-reader.js';
import { isElf } from '../internal/elf.js';
import { goPackages } from './package.js';
import { readGoBuildInfo } from './parse-buildinfo.js';

/** ELF, Mach-O (32/64-bit, either byte order) or PE: the formats Go writes build info into. */
export function isExecutableFormat(head: Buffer): boolean {
  if (head.length < 4) return false;
  if (isElf(head)) return true;
  const m = head.readUInt32BE(0);
  if (m === 0xfeedface || m === 0xfeedfacf || m === 0xcefaedfe || m === 0xcffaedfe) return true;
  return head[0] === 0x4d && head[1] === 0x5a; // "MZ"
}

export const goBinaryCataloger: Cataloger = {
  name: 'go-module-binary-cataloger',
  version: 1,
  packageTypes: ['golang'],
  // Go binaries of 100+ MiB are common (kubelet, terraform); they are read with positioned reads
  maxSize: 1024 * 1024 * 1024,
  wants: () => false,
  sniff: (_path, head) => isExecutableFormat(head),
  async analyze(file): Promise<ParseResult | null> {
    const raw = await withReader(file, readGoBuildInfo);
    if (!raw) return null;
    return { packages: goPackages(raw) };
  },
};
