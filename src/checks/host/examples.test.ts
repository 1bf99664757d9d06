/** Every HOST- check's examples, materialised into a temp root: bad ones hit, good ones do not. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fixtureRootIds, isRoot, needsRoot, writeFixture } from './fixture.js';
import type { InspectContainer } from './inspect.js';
import type { HostFixture } from './input.js';
import { hostChecks } from './registry.js';
import { hostInput } from './scan.js';

const base = mkdtempSync(join(tmpdir(), 'bulwark-host-examples-'));
after(() => rmSync(base, { recursive: true, force: true }));
let n = 0;

function run(check: (typeof hostChecks)[number], fixture: HostFixture) {
  const root = join(base, String(n++));
  writeFixture(fixture, root);
  const input = hostInput(root, (fixture.inspect ?? []) as InspectContainer[], { rootIds: fixtureRootIds(), inspectFile: 'inspect.json' });
  return check.run(input);
}

const SKIP = 'fixture sets a non-root owner, which needs chown (run the suite as root)';

describe('host check examples', () => {
  for (const check of hostChecks) {
    const { id } = check.meta;
    for (const ex of check.meta.examples.bad) {
      const fx = ex.input as HostFixture;
      it(`${id} bad: ${ex.description}`, { skip: needsRoot(fx) && !isRoot() ? SKIP : false }, () => {
        const hits = run(check, fx);
        assert.ok(hits.length > 0, `${id} should hit`);
        for (const h of hits) assert.ok(h.location?.path, 'hit names a file');
      });
    }
    for (const ex of check.meta.examples.good) {
      const fx = ex.input as HostFixture;
      it(`${id} good: ${ex.description}`, { skip: needsRoot(fx) && !isRoot() ? SKIP : false }, () => {
        assert.deepEqual(run(check, fx), []);
      });
    }
  }
});
