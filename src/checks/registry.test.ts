/** The check contract: complete metadata, examples, a unique ID with the target's prefix, and an up-to-date docs page. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../../test/helpers/fixtures.js';
import { renderCheckDoc } from './docs.js';
import { allCheckMeta } from './registry.js';
import { ID_PREFIX } from './types.js';

describe('check contract', () => {
  const metas = allCheckMeta();
  it('IDs are unique', () => {
    const ids = metas.map((m) => m.id);
    assert.equal(new Set(ids).size, ids.length);
  });
  for (const m of metas) {
    it(`${m.id} has complete metadata, examples and docs`, () => {
      assert.ok(m.id.startsWith(ID_PREFIX[m.target]), `ID prefix ${ID_PREFIX[m.target]}`);
      assert.match(m.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const f of ['title', 'rationale', 'remediation'] as const) assert.ok(m[f].trim().length > 10, `${f} is written`);
      assert.ok(m.examples.good.length > 0, 'has a good example');
      assert.ok(m.examples.bad.length > 0, 'has a bad example');
      const doc = join(repoRoot, 'docs', 'checks', `${m.id}.md`);
      assert.ok(existsSync(doc), `docs/checks/${m.id}.md exists (run: node --import tsx scripts/gen-check-docs.ts)`);
      assert.equal(readFileSync(doc, 'utf8'), renderCheckDoc(m), `docs/checks/${m.id}.md is up to date (run: node --import tsx scripts/gen-check-docs.ts)`);
    });
  }
});
