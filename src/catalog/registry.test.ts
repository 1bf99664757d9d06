/** Every cataloger folder is registered, documented and meets the contract (a forgotten registration fails CI). */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { catalogers } from './registry.js';
import type { Cataloger } from './types.js';

const here = dirname(fileURLToPath(import.meta.url));
const folders = ['os', 'lang'].flatMap((group) =>
  readdirSync(join(here, group), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'internal')
    .map((d) => join(here, group, d.name)),
);

function isCataloger(v: unknown): v is Cataloger {
  const c = v as Cataloger;
  return typeof c === 'object' && c !== null && typeof c.name === 'string' && typeof c.wants === 'function' && typeof c.analyze === 'function';
}

describe('cataloger registry', () => {
  for (const folder of folders) {
    it(`${folder.slice(here.length + 1)} is registered and documented`, async () => {
      assert.ok(existsSync(join(folder, 'cataloger.ts')), 'has cataloger.ts');
      assert.ok(existsSync(join(folder, 'README.md')), 'has README.md');
      const mod = (await import(pathToFileURL(join(folder, 'cataloger.ts')).href)) as Record<string, unknown>;
      const exported = Object.values(mod).filter(isCataloger);
      assert.ok(exported.length > 0, 'exports a cataloger');
      for (const c of exported) {
        assert.ok(catalogers.includes(c), `${c.name} is in src/catalog/registry.ts`);
        assert.ok(Number.isInteger(c.version) && c.version > 0, `${c.name} has a version (cache key)`);
        assert.ok(c.packageTypes.length > 0, `${c.name} declares package types`);
      }
    });
  }

  it('names are unique', () => {
    const names = catalogers.map((c) => c.name);
    assert.equal(new Set(names).size, names.length);
  });
});
