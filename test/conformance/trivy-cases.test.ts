/**
 * Acceptance: every case of the peer scanner's golden tests (../shared/conformance/trivy) is
 * reproduced exactly: the case's installed packages matched against its OSV records give the same
 * IDs, packages, installed and fixed versions, and statuses.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { OsInfo, Package, PackageType } from '../../src/catalog/types.js';
import type { OsvRecord } from '../../src/vuln/db/osv-types.js';
import { matchPackages } from '../../src/vuln/match/engine.js';
import { memorySource } from '../../src/vuln/match/memory-source.js';
import { applyFilters, displayFixed } from '../../src/vuln/report-filters.js';
import { importAdvisories, openAdvisoryDb, type AdvisoryDb } from '../../src/vuln/db/index.js';
import type { AdvisorySource } from '../../src/vuln/match/types.js';
import { SHARED_SKIP, shared, tempDir } from '../helpers/fixtures.js';

interface CasePkg { type: string; PkgName: string; InstalledVersion: string; PURL?: string; fixture_db_package?: string; class: string }
interface CaseFinding { VulnerabilityID: string; PkgName: string; InstalledVersion: string; FixedVersion?: string; Status: string; class: string }
interface Case {
  golden: string;
  os?: { Family: string; Name: string };
  flags: { ignore_unfixed?: boolean; severity?: string[] };
  installed_packages: CasePkg[];
  expected_findings: CaseFinding[];
}

const casesFile = shared('conformance/trivy/cases.json');
const osvFile = shared('conformance/trivy/osv.jsonl');

const TYPE: Record<string, PackageType> = { alpine: 'apk', debian: 'deb', ubuntu: 'deb', npm: 'npm', pip: 'pypi', pipenv: 'pypi', poetry: 'pypi', 'python-pkg': 'pypi', 'node-pkg': 'npm' };

function toPackage(p: CasePkg): Package {
  const type = TYPE[p.type];
  if (!type) throw new Error(`unmapped package type ${p.type}`);
  const os = type === 'apk' || type === 'deb';
  return {
    name: p.PkgName,
    version: p.InstalledVersion,
    type,
    purl: p.PURL ?? '',
    sourceName: os ? p.fixture_db_package ?? p.PkgName : undefined,
    sourceVersion: os ? p.InstalledVersion : undefined,
    licenses: [],
    foundBy: 'conformance',
    locations: [{ path: '/' }],
  };
}

const key = (f: { id: string; pkg: string; installed: string; fixed: string; status: string }): string => `${f.id} ${f.pkg}@${f.installed} fixed=${f.fixed} ${f.status}`;

function loadCases(): { cases: Case[]; records: OsvRecord[] } {
  const cases = (JSON.parse(readFileSync(casesFile!, 'utf8')) as { cases: Case[] }).cases;
  const records = readFileSync(osvFile!, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as OsvRecord);
  return { cases, records };
}

function runCase(c: Case, source: AdvisorySource): void {
  const os: OsInfo | undefined = c.os ? { family: c.os.Family, version: c.os.Name } : undefined;
  const pkgs = c.installed_packages.map(toPackage);
  const { findings } = matchPackages(pkgs, os, source);
  const kept = applyFilters(findings, { ignoreUnfixed: c.flags.ignore_unfixed, severities: c.flags.severity as never });
  const got = kept.map((f) => key({ id: f.id, pkg: f.pkg.name, installed: f.installedVersion, fixed: displayFixed(f), status: f.status })).sort();
  const want = c.expected_findings.map((f) => key({ id: f.VulnerabilityID, pkg: f.PkgName, installed: f.InstalledVersion, fixed: f.FixedVersion ?? '', status: f.Status })).sort();
  assert.deepEqual(got, want);
}

describe('peer golden cases reproduced exactly (in-memory advisories)', { skip: !casesFile && SHARED_SKIP }, () => {
  if (!casesFile || !osvFile) return;
  const { cases, records } = loadCases();
  const source = memorySource(records);
  for (const [i, c] of cases.entries()) it(`${c.golden.split('/').pop()} #${i}`, () => runCase(c, source));
});

describe('peer golden cases reproduced exactly (through bulwark db import + the SQLite store)', { skip: !casesFile && SHARED_SKIP }, () => {
  if (!casesFile || !osvFile) return;
  const { cases } = loadCases();
  let db: AdvisoryDb;
  let cleanup: () => Promise<void>;
  before(async () => {
    const t = await tempDir();
    cleanup = t.cleanup;
    const res = await importAdvisories(t.dir, osvFile);
    assert.equal(res.invalid, 0);
    db = openAdvisoryDb(t.dir);
  });
  after(async () => {
    db?.close();
    await cleanup?.();
  });
  for (const [i, c] of cases.entries()) it(`${c.golden.split('/').pop()} #${i}`, () => runCase(c, db));
});
