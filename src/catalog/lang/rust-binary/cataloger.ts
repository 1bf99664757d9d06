/** Rust binaries built with cargo-auditable: crates from the `.dep-v0` ELF section. */
import type { Cataloger, ParseResult } from '../../types.js';
import { withReader } from '../internal/byte-reader.js';
import { findSection, isElf, readElf, readSection } from '../internal/elf.js';

/** compressed audit data is a few KiB; a bigger section is hostile */
const MAX_SECTION = 4 * 1024 * 1024;

export const rustBinaryCataloger: Cataloger = {
  name: 'cargo-auditable-binary-cataloger',
  version: 1,
  packageTypes: ['cargo'],
  maxSize: 1024 * 1024 * 1024,
  wants: () => false,
  sniff: (_path, head) => isElf(head),
  async analyze(file): Promise<ParseResult | null> {
    return withReader(file, async (r) => {
      const elf = await readElf(r);
      const sec = findSection(elf, '.dep-v0');
      if (!sec) return null;
      // the decoder (and its schema library) is loaded with the first audited binary, not at start-up
      const { auditPackages, decodeAuditData } = await import('./parse-audit-data.js');
      return { packages: auditPackages(decodeAuditData(await readSection(r, sec, MAX_SECTION))) };
    });
  },
};
