/** Generated advisories and SBOMs for the scale-out tests: `n` npm packages, each vulnerable below 2.0.0. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const pkgName = (i: number): string => `bwk-scale-${String(i).padStart(3, '0')}`;

/** One advisory per package; returns the JSONL path. */
export async function writeScaleAdvisories(dir: string, n: number): Promise<string> {
  const lines = Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      id: `GHSA-scale-${i}`,
      modified: '2024-01-01T00:00:00Z',
      published: '2024-01-01T00:00:00Z',
      summary: `Test vulnerability ${i}`,
      aliases: [`CVE-2099-${String(1000 + i)}`],
      affected: [{ package: { ecosystem: 'npm', name: pkgName(i) }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '2.0.0' }] }] }],
      database_specific: { severity: i % 3 === 0 ? 'HIGH' : 'MEDIUM' },
    }),
  );
  const p = join(dir, 'scale-advisories.jsonl');
  await writeFile(p, lines.join('\n') + '\n');
  return p;
}

/** A CycloneDX SBOM of image `name` with the `n` packages at 1.0.0 (all vulnerable). */
export function scaleSbom(name: string, n: number): string {
  return JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    version: 1,
    metadata: { component: { type: 'container', name } },
    components: Array.from({ length: n }, (_, i) => ({ type: 'library', name: pkgName(i), version: '1.0.0', purl: `pkg:npm/${pkgName(i)}@1.0.0` })),
  });
}
