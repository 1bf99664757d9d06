/** Writes docs/checks/<ID>.md for every registered check, and docs/checks/README.md (the index). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderCheckDoc } from '../src/checks/docs.js';
import { allCheckMeta } from '../src/checks/registry.js';

const out = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'checks');
mkdirSync(out, { recursive: true });
const metas = allCheckMeta().sort((a, b) => (a.id < b.id ? -1 : 1));
for (const m of metas) writeFileSync(join(out, `${m.id}.md`), renderCheckDoc(m));
const index = ['# Checks', '', '| ID | target | severity | title |', '|---|---|---|---|', ...metas.map((m) => `| [${m.id}](${m.id}.md) | ${m.target} | ${m.severity} | ${m.title} |`), ''].join('\n');
writeFileSync(join(out, 'README.md'), index);
console.log(`wrote ${metas.length} check pages to docs/checks/`);
