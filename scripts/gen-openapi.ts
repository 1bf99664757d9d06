/** Writes docs/openapi.json from the server's route schemas: `node --import tsx scripts/gen-openapi.ts`. */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateOpenApi } from '../src/server/openapi.js';

const out = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'openapi.json');
const text = await generateOpenApi();
writeFileSync(out, text);
console.log(`wrote ${out.replace(/.*\/docs\//, 'docs/')} (${Object.keys((JSON.parse(text) as { paths: object }).paths).length} paths)`);
