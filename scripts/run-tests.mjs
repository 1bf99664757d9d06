#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with Node's own test runner (through tsx),
// after a strict type-check of sources and tests together.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function findTests(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findTests(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const filter = process.argv.slice(2);
let files = [...findTests('src'), ...findTests('test')].sort();
if (filter.length) files = files.filter((f) => filter.some((x) => f.includes(x)));

if (!process.env.BULWARK_SKIP_TYPECHECK) {
  const tc = spawnSync('npx', ['tsc', '-p', 'tsconfig.test.json'], { stdio: 'inherit' });
  if (tc.status !== 0) process.exit(tc.status ?? 1);
}
const res = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: { ...process.env, BULWARK_TEST: '1' } },
);
process.exit(res.status ?? 1);
