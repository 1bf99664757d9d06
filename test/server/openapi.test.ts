/** docs/openapi.json is what the routes generate (run scripts/gen-openapi.ts after changing a route). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generateOpenApi } from '../../src/server/openapi.js';
import { repoRoot } from '../helpers/fixtures.js';

describe('OpenAPI document', () => {
  it('docs/openapi.json is up to date', async () => {
    const generated = await generateOpenApi();
    const committed = readFileSync(join(repoRoot, 'docs', 'openapi.json'), 'utf8');
    assert.equal(committed, generated, 'docs/openapi.json is stale: run `node --import tsx scripts/gen-openapi.ts`');
    const doc = JSON.parse(generated);
    assert.deepEqual(doc.components.securitySchemes.bearer, { type: 'http', scheme: 'bearer' });
    for (const s of ['Image', 'Event', 'Finding', 'Webhook', 'Delivery']) assert.ok(doc.components.schemas[s], s);
  });
});
