import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { finding } from '../../test/helpers/findings.js';
import { schemaErrors } from '../../test/schemas/validate.js';
import { syntheticInventory } from './__fixtures__/inventory.js';
import { cyclonedxWithVulnerabilities } from './cyclonedx-vulns.js';

describe('CycloneDX with vulnerabilities', () => {
  const inv = syntheticInventory();
  const busybox = inv.packages.find((p) => p.name === 'busybox')!;
  const f1 = finding({ id: 'CVE-2023-42366', name: 'busybox', type: 'apk', installed: busybox.version, fixed: '1.36.1-r16', aliases: ['ALPINE-CVE-2023-42366'] });
  f1.pkg.purl = busybox.purl;
  f1.pkg.path = '/lib/apk/db/installed';
  f1.severity = { level: 'MEDIUM', score: 5.5, vector: 'CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H', source: 'CVSS_V3 (NVD)' };
  const f2 = finding({ id: 'GHSA-xxxx-yyyy-zzzz', name: 'busybox', type: 'apk', installed: busybox.version });
  f2.pkg.purl = busybox.purl;
  f2.severity = { level: 'UNKNOWN', source: 'none' };
  const doc = cyclonedxWithVulnerabilities(inv, [f1], [{ finding: f2, by: 'vex', reason: 'not_affected (component_not_present)' }], { timestamp: new Date(0), uuid: '00000000-0000-4000-8000-000000000000' });

  it('validates against the official CycloneDX 1.6 schema', () => {
    assert.deepEqual(schemaErrors('cyclonedx', doc), []);
  });

  it('affects point at the package components; ratings carry score, method and source', () => {
    const vulns = doc.vulnerabilities as { id: string; affects: { ref: string }[]; ratings: Record<string, unknown>[]; recommendation?: string; analysis?: { state: string } }[];
    const refs = new Set((doc.components as { 'bom-ref': string }[]).map((c) => c['bom-ref']));
    const v1 = vulns.find((v) => v.id === 'CVE-2023-42366')!;
    assert.ok(v1.affects.length === 1 && refs.has(v1.affects[0]!.ref));
    assert.deepEqual(v1.ratings[0], { score: 5.5, severity: 'medium', method: 'CVSSv31', vector: 'CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H', source: { name: 'CVSS_V3 (NVD)' } });
    assert.equal(v1.recommendation, 'Upgrade busybox to 1.36.1-r16 or later');
    const v2 = vulns.find((v) => v.id === 'GHSA-xxxx-yyyy-zzzz')!;
    assert.equal(v2.analysis?.state, 'not_affected', 'suppressed findings are kept as VEX analysis');
  });
});
