/** Typed Finding fixtures for tests. */
import type { Finding } from '../../src/vuln/match/types.js';

export function finding(over: Partial<Finding> & { id: string; name?: string; type?: Finding['pkg']['type']; installed?: string; fixed?: string }): Finding {
  const type = over.type ?? 'npm';
  const name = over.name ?? 'lodash';
  const installed = over.installed ?? '4.17.20';
  const { name: _n, type: _t, installed: _i, fixed, ...rest } = over;
  return {
    aliases: [],
    advisories: [over.id],
    pkg: { name, version: installed, type, purl: `pkg:${type}/${name}@${installed}`, path: `/app/node_modules/${name}/package.json`, layerIndex: 1 },
    installedVersion: installed,
    fixedVersions: fixed ? [fixed] : [],
    fixedVersion: fixed,
    status: fixed ? 'fixed' : 'affected',
    severity: { level: 'HIGH', score: 7.5, source: 'CVSS_V3 (test)' },
    title: `${over.id} in ${name}`,
    references: [],
    match: { matcher: 'npm-matcher', ecosystem: 'npm', searchedBy: { name, version: installed }, ranges: [] },
    ...rest,
  };
}
