import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EOL_DATA } from './eol-data.js';
import { compareDotted, eolStatus } from './eol.js';

const at = (d: string): Date => new Date(`${d}T12:00:00Z`);

describe('eolStatus', () => {
  it('Alpine 3.10.4 is EOL in 2026 and was supported in 2020', () => {
    const os = { family: 'alpine', version: '3.10.4', versionId: '3.10.4' };
    assert.equal(eolStatus(os, at('2026-11-24')).state, 'eol');
    const s = eolStatus(os, at('2020-06-01'));
    assert.equal(s.state, 'supported');
    assert.equal(s.cycle, '3.10');
    assert.equal(s.release?.latest, '3.10.9');
  });
  it('Debian counts LTS as supported and uses the major release', () => {
    const os = { family: 'debian', version: '12.15', versionId: '12' };
    const s = eolStatus(os, at('2026-11-24'));
    assert.equal(s.state, 'supported');
    assert.equal(s.cycle, '12');
    assert.equal(eolStatus({ family: 'debian', version: '10.13', versionId: '10' }, at('2026-11-24')).state, 'eol');
  });
  it('Ubuntu by series; ESM is reported as extended, not supported', () => {
    const s = eolStatus({ family: 'ubuntu', version: '18.04', versionId: '18.04' }, at('2026-01-01'));
    assert.equal(s.state, 'eol');
    assert.equal(s.release?.extendedEol, '2028-04-01');
    assert.equal(eolStatus({ family: 'ubuntu', version: '24.04', versionId: '24.04' }, at('2026-01-01')).state, 'supported');
  });
  it('RHEL family by major, CentOS Stream by name, Amazon by exact version', () => {
    assert.equal(eolStatus({ family: 'rocky', version: '9.2', versionId: '9.2' }, at('2026-01-01')).cycle, '9');
    assert.equal(eolStatus({ family: 'centos', version: '7', versionId: '7' }, at('2026-01-01')).state, 'eol');
    assert.equal(eolStatus({ family: 'centos', version: '9', versionId: '9', name: 'CentOS Stream' }, at('2026-01-01')).cycle, 'stream-9');
    assert.equal(eolStatus({ family: 'amazon', version: '2', versionId: '2' }, at('2026-11-24')).state, 'eol');
    assert.equal(eolStatus({ family: 'amazon', version: '2023', versionId: '2023' }, at('2026-11-24')).state, 'supported');
  });
  it('rolling, unknown and non-release versions', () => {
    assert.equal(eolStatus({ family: 'wolfi', version: '20230201' }).state, 'rolling');
    assert.equal(eolStatus({ family: 'gentoo', version: '2.17' }).state, 'unknown');
    assert.equal(eolStatus({ family: 'debian', version: 'trixie/sid' }).state, 'unknown');
    assert.equal(eolStatus({ family: 'alpine', version: '3.22_alpha20250108', versionId: '3.22_alpha20250108' }).state, 'unknown');
    assert.equal(eolStatus(undefined).state, 'unknown');
  });
});

describe('EOL table', () => {
  it('every entry has ordered, valid dates and a latest inside its cycle', () => {
    for (const d of EOL_DATA) {
      for (const r of d.releases) {
        assert.match(r.released, /^\d{4}-\d{2}-\d{2}$/, `${d.name} ${r.cycle}`);
        if (r.eol) assert.ok(r.eol > r.released, `${d.name} ${r.cycle} eol after release`);
        if (r.extendedEol && r.eol) assert.ok(r.extendedEol >= r.eol, `${d.name} ${r.cycle} extended after eol`);
        if (r.regularEol && r.eol) assert.ok(r.regularEol <= r.eol, `${d.name} ${r.cycle} regular before LTS`);
        if (r.latest) assert.ok(r.latest === r.cycle || r.latest.startsWith(`${r.cycle}.`), `${d.name} ${r.cycle} latest ${r.latest}`);
      }
    }
  });
  it('covers the required releases', () => {
    const has = (fam: string, cycle: string): boolean => EOL_DATA.some((d) => d.families.includes(fam) && d.releases.some((r) => r.cycle === cycle));
    for (let m = 0; m <= 23; m++) assert.ok(has('alpine', `3.${m}`), `alpine 3.${m}`);
    for (let m = 7; m <= 13; m++) assert.ok(has('debian', String(m)), `debian ${m}`);
    for (let y = 14; y <= 25; y++) for (const mm of ['04', '10']) assert.ok(has('ubuntu', `${y}.${mm}`), `ubuntu ${y}.${mm}`);
    for (const f of ['redhat', 'almalinux', 'rocky']) for (const m of ['8', '9', '10']) assert.ok(has(f, m), `${f} ${m}`);
    assert.ok(has('redhat', '7') && has('centos', '7') && has('amazon', '2') && has('amazon', '2023'));
  });
  it('compareDotted', () => {
    assert.equal(compareDotted('3.10.2', '3.10.9'), -1);
    assert.equal(compareDotted('12.10', '12.9'), 1);
    assert.equal(compareDotted('12', '12.0'), 0);
  });
});
