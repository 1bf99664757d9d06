import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OsvAffected } from '../db/osv-types.js';
import { evaluateAffected } from './osv-range.js';

const aff = (events: OsvAffected['ranges'], versions?: string[]): OsvAffected => ({ package: { ecosystem: 'PyPI', name: 'x' }, ranges: events, versions });
const eco = (...events: Record<string, string>[]): OsvAffected['ranges'] => [{ type: 'ECOSYSTEM', events }];

describe('OSV range evaluation', () => {
  const cases: [string, OsvAffected, string, boolean, string[]][] = [
    ['introduced 0, fixed: below', aff(eco({ introduced: '0' }, { fixed: '1.5' })), '1.4', true, ['1.5']],
    ['introduced 0, fixed: at fix', aff(eco({ introduced: '0' }, { fixed: '1.5' })), '1.5', false, []],
    ['introduced 1.0: below introduced', aff(eco({ introduced: '1.0' }, { fixed: '1.5' })), '0.9', false, []],
    ['last_affected is inclusive', aff(eco({ introduced: '0' }, { last_affected: '2.0' })), '2.0', true, []],
    ['above last_affected', aff(eco({ introduced: '0' }, { last_affected: '2.0' })), '2.0.1', false, []],
    ['two spans in one range, second', aff(eco({ introduced: '1.0' }, { fixed: '1.2' }, { introduced: '2.0' }, { fixed: '2.3' })), '2.1', true, ['2.3']],
    ['two spans in one range, between', aff(eco({ introduced: '1.0' }, { fixed: '1.2' }, { introduced: '2.0' }, { fixed: '2.3' })), '1.9', false, []],
    ['unsorted events are sorted first', aff(eco({ fixed: '2.3' }, { introduced: '2.0' }, { fixed: '1.2' }, { introduced: '1.0' })), '1.1', true, ['1.2']],
    ['several ranges', aff([...eco({ introduced: '0' }, { fixed: '1.0' })!, ...eco({ introduced: '3.0' }, { fixed: '3.1' })!]), '3.0.5', true, ['3.1']],
    ['limit caps the range', aff(eco({ introduced: '0' }, { limit: '2.0' })), '2.5', false, []],
    ['limit below', aff(eco({ introduced: '0' }, { limit: '2.0' })), '1.5', true, []],
    ['explicit versions list', aff([], ['1.2.3', '1.2.4']), '1.2.4', true, []],
    ['pre-releases by PEP 440', aff(eco({ introduced: '0' }, { fixed: '2.0' })), '2.0rc1', true, ['2.0']],
  ];
  for (const [name, a, v, affected, fixed] of cases) {
    it(name, () => {
      const r = evaluateAffected(a, v, 'pep440');
      assert.equal(r.affected, affected);
      assert.deepEqual(r.fixedAbove, fixed);
    });
  }

  it('GIT ranges are skipped; invalid versions skip the range with a warning', () => {
    const warnings: string[] = [];
    const a: OsvAffected = { ranges: [{ type: 'GIT', repo: 'r', events: [{ introduced: 'abc' }] }, { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: 'not a version!' }] }] };
    const r = evaluateAffected(a, '1.0', 'pep440', (m) => warnings.push(m));
    assert.equal(r.affected, false);
    assert.equal(warnings.length, 1);
  });
});
