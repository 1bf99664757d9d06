#!/usr/bin/env node
// Matching 1,000 packages against the imported advisory database (all of ../shared/osv):
//   node scripts/bench/match-1000.mjs --cache-dir <dir with db/bulwark.db> [--runs 5]
// Picks 1,000 real packages named by the advisories (Debian, Ubuntu, Alpine, AlmaLinux, PyPI, Go,
// RubyGems, crates.io, Wolfi), each at a version inside an affected range, and times the whole matching
// engine (store lookups + OSV range evaluation + alias merging + severity), not just the SQL.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openAdvisoryDb } from '../../dist/vuln/db/index.js';
import { matchPackages } from '../../dist/vuln/match/engine.js';

const args = process.argv.slice(2);
const arg = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const cacheDir = arg('--cache-dir');
const runs = Number(arg("--runs", "5"));
if (!cacheDir) {
  console.error('usage: match-1000.mjs --cache-dir <dir with db/bulwark.db>');
  process.exit(2);
}

const OS = {
  Debian: { family: 'debian', version: '10.13', type: 'deb' },
  Ubuntu: { family: 'ubuntu', version: '18.04', versionId: '18.04', type: 'deb' },
  Alpine: { family: 'alpine', version: '3.10.9', type: 'apk' },
  AlmaLinux: { family: 'almalinux', version: '8.9', type: 'rpm' },
  Wolfi: { family: 'wolfi', version: '20230201', type: 'apk' },
};
const LANG = { PyPI: 'pypi', Go: 'golang', RubyGems: 'gem', 'crates.io': 'cargo' };

// one version inside the first affected range of each package: the first "fixed" minus nothing = "0.0.1"-ish is
// not valid everywhere, so take the introduced version when it is not "0", else a listed affected version,
// else the fixed version (not affected: still a full lookup and evaluation)
const raw = new Database(join(cacheDir, 'db', 'bulwark.db'), { readonly: true });
const rows = raw
  .prepare(`SELECT base, name, MIN(entry) AS entry FROM affected WHERE base IN ('Debian','Ubuntu','Alpine','AlmaLinux','Wolfi','PyPI','Go','RubyGems','crates.io') GROUP BY base, name ORDER BY name LIMIT 1000`)
  .all();
raw.close();
function versionOf(entry) {
  const e = JSON.parse(entry);
  const events = e.ranges?.[0]?.events ?? [];
  const intro = events.find((x) => x.introduced && x.introduced !== '0')?.introduced;
  return intro ?? e.versions?.[0] ?? events.find((x) => x.fixed)?.fixed ?? '1.0';
}
const byOs = new Map();
const lang = [];
for (const r of rows) {
  const version = versionOf(r.entry);
  const os = OS[r.base];
  const pkg = {
    name: r.name,
    version,
    type: os ? os.type : LANG[r.base],
    purl: os ? '' : `pkg:${LANG[r.base]}/${r.name}@${version}`,
    sourceName: os ? r.name : undefined,
    sourceVersion: os ? version : undefined,
    licenses: [],
    foundBy: 'bench',
    locations: [{ path: '/bench' }],
  };
  if (os) byOs.set(r.base, [...(byOs.get(r.base) ?? []), pkg]);
  else lang.push(pkg);
}

const db = openAdvisoryDb(cacheDir);
const times = [];
let findings = 0;
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  findings = matchPackages(lang, undefined, db).findings.length;
  for (const [base, pkgs] of byOs) findings += matchPackages(pkgs, OS[base], db).findings.length;
  times.push(performance.now() - t);
}
db.close();
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(JSON.stringify({ packages: rows.length, findings, runs, medianMs: Math.round(median), minMs: Math.round(times[0]), maxMs: Math.round(times.at(-1)) }));
