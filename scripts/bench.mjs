#!/usr/bin/env node
/**
 * Bulwark's benchmark: Bulwark and the two peer scanners (Trivy, snyk-docker-plugin) on the same
 * inputs in one run, alternating them (A B C A B C …), wall time (hrtime) and peak RSS per run.
 *   npm run bench                      (builds dist/, then runs every case 5 times)
 *   node scripts/bench.mjs --runs 3    --quick (2 runs, no 2 GiB image)   --only cold,floor
 *   node scripts/bench.mjs --no-peers  --dir <bench dir>   --list
 * Generated inputs (OCI layout / docker-archive forms, the synthetic images, the advisory DB) are cached
 * in $TMPDIR/bulwark-bench (or --dir). Results go to <bench dir>/results.json and results.md.
 * See docs/benchmarks.md for the figures and the targets.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { floorCommand, layoutLayers, peerSnyk, peerTrivy, prepareImages, treeBytes } from './bench/inputs.mjs';
import { measure, rssTool, stats } from './bench/measure.mjs';
import { SHAPE_VERSION, ensureSynthetic } from './bench/synthetic.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sharedDir = resolve(root, '..', 'shared');
const bin = join(root, 'bin', 'bulwark.js');

function parseArgs(argv) {
  const o = { runs: 5, quick: false, peers: true, only: [], dir: join(tmpdir(), 'bulwark-bench'), list: false, peers2g: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') o.runs = Math.max(1, Number(argv[++i]));
    else if (a === '--quick') o.quick = true;
    else if (a === '--no-peers') o.peers = false;
    else if (a === '--peers-2g') o.peers2g = true;
    else if (a === '--only') o.only.push(...argv[++i].split(','));
    else if (a === '--dir') o.dir = resolve(argv[++i]);
    else if (a === '--list') o.list = true;
    else if (a === '-h' || a === '--help') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(2, 11).map((l) => l.replace(/^ \*\/? ?/, '')).join('\n'));
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (o.quick && !argv.includes('--runs')) o.runs = 2;
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const log = (s) => process.stderr.write(`${s}\n`);
mkdirSync(opts.dir, { recursive: true });
const work = mkdtempSync(join(opts.dir, 'run-'));
const out = join(work, 'out.json');
const peerBins = {};

// ---- tools -------------------------------------------------------------------------------------

const TRIVY_FLAGS = ['--format', 'cyclonedx', '--offline-scan', '--skip-db-update', '--skip-java-db-update', '--skip-policy-update', '-q'];

const bulwark = {
  name: 'bulwark',
  sbom: (target) => ({ cache: true, argv: (cache) => ['node', [bin, 'sbom', target, '-f', 'cyclonedx', '-o', out, '--cache-dir', cache, '-q']] }),
};

function trivyTool(t) {
  return (input) => ({ cache: true, argv: (cache) => [t.bin, ['image', '--input', input, ...TRIVY_FLAGS, '-o', out, '--cache-dir', cache]] });
}

function snykTool(s) {
  return (target) => ({ cache: false, argv: () => ['bash', [s.script, target]] });
}

// ---- cases -------------------------------------------------------------------------------------

function buildCases(inp, peers) {
  const cases = [];
  const trivy = peers.trivy.bin ? trivyTool(peers.trivy) : undefined;
  const snyk = peers.snyk.script ? snykTool(peers.snyk) : undefined;
  const forms = [
    { id: 'debian-oci-archive', title: 'debian-bookworm-ssh, OCI archive', bulwark: inp.debOci, snyk: `oci-archive:${inp.debOci}`, trivyNote: 'Trivy reads OCI layout dirs, not OCI archives' },
    { id: 'debian-oci-layout', title: 'debian-bookworm-ssh, OCI layout dir', bulwark: `oci:${inp.debLayout}`, trivy: inp.debLayout, snykNote: 'snyk-docker-plugin reads no OCI layout dirs' },
    inp.debDocker && { id: 'debian-docker-archive', title: 'debian-bookworm-ssh, docker-archive (skopeo)', bulwark: inp.debDocker, trivy: inp.debDocker, snyk: `docker-archive:${inp.debDocker}` },
    { id: 'alpine-docker-archive-gz', title: 'alpine-3.10, docker-archive .tar.gz', bulwark: inp.alpine, trivy: inp.alpine, snyk: `docker-archive:${inp.alpine}` },
  ].filter(Boolean);
  for (const f of forms) {
    const tools = [{ name: 'bulwark', ...bulwark.sbom(f.bulwark) }];
    if (trivy && f.trivy) tools.push({ name: 'trivy', ...trivy(f.trivy) });
    if (snyk && f.snyk) tools.push({ name: 'snyk', ...snyk(f.snyk) });
    const notes = [f.trivyNote, f.snykNote].filter(Boolean);
    cases.push({ id: `cold-${f.id}`, group: 'cold', title: `cold inventory (SBOM): ${f.title}`, mode: 'cold', tools, notes, image: f.id });
    const warm = tools.filter((t) => t.cache);
    cases.push({ id: `warm-${f.id}`, group: 'warm', title: `warm inventory (same cache dir, primed once): ${f.title}`, mode: 'warm', tools: warm, notes: snyk && f.snyk ? [...notes, 'snyk-docker-plugin has no cache: see the cold case'] : notes, image: f.id });
  }
  cases.push({
    id: 'vuln-debian-cold-layers', group: 'vuln', title: 'vulnerability scan (bulwark image --format json) of the Debian OCI archive, DB imported, layer cache empty', mode: 'vuln-cold',
    tools: [{ name: 'bulwark', cache: true, argv: (cache) => ['node', [bin, 'image', inp.debOci, '--format', 'json', '-o', out, '--cache-dir', cache, '-q']] }],
  });
  cases.push({
    id: 'vuln-debian-warm', group: 'vuln', title: 'vulnerability scan of the Debian OCI archive, DB imported, layer cache primed', mode: 'vuln-warm',
    tools: [{ name: 'bulwark', cache: true, argv: (cache) => ['node', [bin, 'image', inp.debOci, '--format', 'json', '-o', out, '--cache-dir', cache, '-q']] }],
  });
  cases.push({
    id: 'match-1000', group: 'vuln', title: 'matching 1,000 packages (9 ecosystems) against the imported DB: scripts/bench/match-1000.mjs, whole process', mode: 'vuln-cold',
    tools: [{ name: 'bulwark', cache: true, argv: (cache) => ['node', [join(root, 'scripts', 'bench', 'match-1000.mjs'), '--cache-dir', cache, '--runs', '1']] }],
  });
  cases.push({
    id: 'db-import', group: 'db', title: `bulwark db import of all of ../shared/osv (fresh cache)`, mode: 'cold',
    tools: [{ name: 'bulwark', cache: true, argv: (cache) => ['node', [bin, 'db', 'import', join(sharedDir, 'osv'), '--cache-dir', cache, '-q']] }],
  });
  for (const s of inp.synthetic) {
    const tools = [{ name: 'bulwark', ...bulwark.sbom(`oci:${s.dir}`) }];
    if (trivy && (s.id === 'synthetic-200m' || opts.peers2g)) tools.push({ name: 'trivy', ...trivy(s.dir) });
    const notes = trivy && s.id !== 'synthetic-200m' && !opts.peers2g ? ['Trivy left out on the 2 GiB image (run with --peers-2g)'] : [];
    cases.push({ id: `cold-${s.id}`, group: 'synthetic', title: `cold inventory: ${s.title}`, mode: 'cold', tools, notes, image: s.id });
    cases.push({ id: `warm-${s.id}`, group: 'synthetic', title: `warm inventory: ${s.title}`, mode: 'warm', tools: tools.filter((t) => t.name === 'bulwark'), image: s.id });
  }
  for (const f of inp.floors) {
    const [cmd, args] = floorCommand(f.layers);
    cases.push({ id: `floor-${f.id}`, group: 'floor', title: `decompression floor (gzip -dc of each layer, summed): ${f.title}`, mode: 'cold', image: f.id, tools: [{ name: 'gzip -dc', cache: false, argv: () => [cmd, args] }] });
  }
  return cases;
}

// ---- running -----------------------------------------------------------------------------------

function freshDir(tag) {
  return mkdtempSync(join(work, `${tag}-`));
}

function shown(argv, cacheLabel, cache) {
  const [cmd, args] = argv;
  const rel = (s) => {
    let v = s;
    if (cache && v === cache) return cacheLabel;
    if (peerBins.trivy && v === peerBins.trivy) return '$(../shared/tools/peer-trivy.sh)';
    if (v === out) return '<out>.json';
    if (v.startsWith(root + '/')) v = relative(root, v);
    else if (v.includes(root + '/')) v = v.replace(root + '/', '');
    if (v.includes(sharedDir)) v = v.split(sharedDir).join('../shared');
    if (v.includes(opts.dir)) v = v.split(opts.dir).join('$BENCH');
    return /[\s;>']/.test(v) ? `'${v.replace(/'/g, `'\\''`)}'` : v;
  };
  return [cmd, ...args].map(rel).join(' ');
}

async function runCase(c, dbSeed) {
  const state = new Map();
  for (const t of c.tools) {
    const s = { runs: [], cache: undefined };
    if (c.mode === 'warm' || c.mode === 'vuln-warm') {
      s.cache = freshDir(`${t.name.replace(/\W/g, '')}-warm`);
      if (c.mode === 'vuln-warm') cpSync(join(dbSeed, 'db'), join(s.cache, 'db'), { recursive: true });
      await measure(...t.argv(s.cache)); // prime, not timed
    }
    state.set(t, s);
  }
  for (let r = 0; r < opts.runs; r++) {
    for (const t of c.tools) {
      const s = state.get(t);
      const cache = s.cache ?? freshDir(`${t.name.replace(/\W/g, '')}-cold`);
      if (c.mode === 'vuln-cold') cpSync(join(dbSeed, 'db'), join(cache, 'db'), { recursive: true });
      const m = await measure(...t.argv(cache));
      s.runs.push({ ms: m.ms, rssKB: m.rssKB });
      s.command = shown(t.argv(cache), s.cache ? '<primed cache dir>' : '$(mktemp -d)', cache);
      if (!s.cache) rmSync(cache, { recursive: true, force: true });
      rmSync(out, { force: true });
    }
  }
  for (const s of state.values()) if (s.cache) rmSync(s.cache, { recursive: true, force: true });
  return c.tools.map((t) => {
    const s = state.get(t);
    return { tool: t.name, command: s.command, runs: s.runs, time: stats(s.runs.map((x) => x.ms)), rss: stats(s.runs.map((x) => x.rssKB)) };
  });
}

const fmtS = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const fmtMB = (kb) => `${Math.round(kb / 1024)} MiB`;

function printCase(c, res) {
  const lines = [`\n## ${c.title}  [${c.id}]`];
  lines.push(`   ${'tool'.padEnd(9)} ${'median'.padStart(9)} ${'min–max'.padStart(19)} ${'peak RSS (median, max)'.padStart(24)}`);
  for (const r of res) {
    lines.push(`   ${r.tool.padEnd(9)} ${fmtS(r.time.median).padStart(9)} ${`${fmtS(r.time.min)}–${fmtS(r.time.max)}`.padStart(19)} ${`${fmtMB(r.rss.median)}, ${fmtMB(r.rss.max)}`.padStart(24)}`);
  }
  const b = res.find((r) => r.tool === 'bulwark');
  if (b) for (const p of res.filter((r) => r !== b)) lines.push(`   ratio bulwark/${p.tool}: time ${(b.time.median / p.time.median).toFixed(2)}×, peak RSS ${(b.rss.median / p.rss.median).toFixed(2)}×`);
  for (const n of c.notes ?? []) lines.push(`   note: ${n}`);
  for (const r of res) lines.push(`   $ ${r.command}`);
  console.log(lines.join('\n'));
}

// ---- targets -----------------------------------------------------------------------------------

function evaluate(results) {
  const by = new Map(results.map((x) => [x.case.id, x]));
  const tool = (id, name) => by.get(id)?.res.find((r) => r.tool === name);
  const rows = [];
  const row = (target, value, met, note = '') => rows.push({ target, value, met, note });
  for (const x of results.filter((x) => x.case.group === 'cold')) {
    const b = tool(x.case.id, 'bulwark');
    const peers = x.res.filter((r) => r.tool !== 'bulwark');
    if (!b || !peers.length) continue;
    const fastest = peers.reduce((a, p) => (p.time.median < a.time.median ? p : a));
    const ratio = b.time.median / fastest.time.median;
    row(`cold ≤ 0.5× fastest peer: ${x.case.image}`, `${fmtS(b.time.median)} vs ${fastest.tool} ${fmtS(fastest.time.median)} = ${ratio.toFixed(2)}×`, ratio <= 0.5);
  }
  for (const x of results.filter((x) => x.case.group === 'warm' || (x.case.group === 'synthetic' && x.case.mode === 'warm'))) {
    const b = tool(x.case.id, 'bulwark');
    if (b) row(`warm < 0.3 s: ${x.case.image}`, fmtS(b.time.median), b.time.median < 300);
  }
  const floorPairs = [['debian', ['cold-debian-oci-archive', 'cold-debian-oci-layout']], ['synthetic-200m', ['cold-synthetic-200m']], ['synthetic-2g', ['cold-synthetic-2g']]];
  for (const [f, colds] of floorPairs) {
    const fl = tool(`floor-${f}`, 'gzip -dc');
    if (!fl) continue;
    for (const id of colds) {
      const b = tool(id, 'bulwark');
      if (b) row(`cold within 1.3× of the decompression floor: ${id.slice(5)}`, `${fmtS(b.time.median)} / ${fmtS(fl.time.median)} = ${(b.time.median / fl.time.median).toFixed(2)}×`, b.time.median / fl.time.median <= 1.3);
    }
  }
  const big = tool('cold-synthetic-2g', 'bulwark');
  const small = tool('cold-synthetic-200m', 'bulwark');
  if (big) row('peak RSS on the 2 GiB image ≤ 250 MB', `${fmtMB(big.rss.max)} (max of runs)`, big.rss.max * 1024 <= 250e6);
  if (big && small) row('peak RSS growth 200 MiB → 2 GiB < 2×', `${fmtMB(small.rss.max)} → ${fmtMB(big.rss.max)} = ${(big.rss.max / small.rss.max).toFixed(2)}×`, big.rss.max / small.rss.max < 2);
  const v = tool('vuln-debian-cold-layers', 'bulwark');
  if (v) row('full vuln scan of Debian < 2 s (DB imported, layer cache empty)', fmtS(v.time.median), v.time.median < 2000);
  const m1k = tool('match-1000', 'bulwark');
  if (m1k) row('matching 1,000 packages < 1 s (whole process incl. start-up and DB open)', fmtS(m1k.time.median), m1k.time.median < 1000);
  const vw = tool('vuln-debian-warm', 'bulwark');
  if (vw) row('full vuln scan of Debian, layer cache primed', fmtS(vw.time.median), vw.time.median < 2000);
  return rows;
}

function markdown(machine, results, targets) {
  const L = [`Machine: ${machine.cpu}, ${machine.nproc} CPUs, ${machine.memGiB} GiB RAM, Node ${machine.node}; peers: ${machine.peers.join('; ')}; ${machine.runs} runs each, alternating; RSS by ${rssTool}.`, ''];
  L.push('| case | tool | median | min–max | peak RSS (median) | bulwark/peer |', '|---|---|---:|---:|---:|---:|');
  for (const { case: c, res } of results) {
    const b = res.find((r) => r.tool === 'bulwark');
    for (const r of res) {
      const ratio = b && r !== b ? `${(b.time.median / r.time.median).toFixed(2)}×` : '';
      L.push(`| ${c.id} | ${r.tool} | ${fmtS(r.time.median)} | ${fmtS(r.time.min)}–${fmtS(r.time.max)} | ${fmtMB(r.rss.median)} | ${ratio} |`);
    }
  }
  L.push('', '| target | measured | met |', '|---|---|---|');
  for (const t of targets) L.push(`| ${t.target} | ${t.value} | ${t.met ? 'yes' : '**no**'} |`);
  L.push('', 'Commands:', '', '```');
  for (const { case: c, res } of results) for (const r of res) L.push(`# ${c.id} (${r.tool})`, r.command);
  L.push('```');
  return L.join('\n');
}

// ---- main --------------------------------------------------------------------------------------

async function main() {
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` (or `npm run bench`)');
  if (!existsSync(join(sharedDir, 'images'))) throw new Error(`../shared/images not found beside the checkout (${sharedDir})`);
  const want = (id, group) => !opts.only.length || opts.only.some((o) => id.startsWith(o) || id.includes(o) || group === o);

  const imgs = prepareImages(sharedDir, opts.dir, log);
  const synthetic = [
    { id: 'synthetic-200m', scale: 0.1, title: 'synthetic ~200 MiB, 30k files, 5 layers (OCI layout)' },
    ...(opts.quick ? [] : [{ id: 'synthetic-2g', scale: 1, title: 'synthetic ~2 GiB, 300k files, 5 layers (OCI layout)' }]),
  ].filter((s) => want(`cold-${s.id}`, 'synthetic') || want(`warm-${s.id}`, 'synthetic') || want(`floor-${s.id}`, 'floor'));
  const writer = pathToFileURL(join(root, 'dist', 'image', 'writer.js')).href;
  for (const s of synthetic) s.dir = await ensureSynthetic(writer, join(opts.dir, `${s.id}-v${SHAPE_VERSION}`), s.scale, log);

  const peers = { trivy: { missing: 'disabled (--no-peers)' }, snyk: { missing: 'disabled (--no-peers)' } };
  if (opts.peers) {
    peers.trivy = peerTrivy(sharedDir);
    peerBins.trivy = peers.trivy.bin;
    peers.snyk = peerSnyk(sharedDir, imgs.alpine);
  }
  for (const [n, p] of Object.entries(peers)) if (p.missing) log(`peer ${n} skipped: ${p.missing}`);

  const floors = [{ id: 'debian', title: 'debian-bookworm-ssh (3 gzip layers)', layers: layoutLayers(imgs.debLayout) }, ...synthetic.map((s) => ({ id: s.id, title: s.title, layers: layoutLayers(s.dir) }))];
  const cases = buildCases({ ...imgs, synthetic, floors }, peers).filter((c) => want(c.id, c.group));
  if (opts.list) {
    for (const c of cases) console.log(`${c.id.padEnd(32)} ${c.tools.map((t) => t.name).join(', ')}`);
    return;
  }

  let dbSeed;
  if (cases.some((c) => c.mode.startsWith('vuln'))) {
    dbSeed = join(opts.dir, 'vulndb');
    if (!existsSync(join(dbSeed, 'db'))) {
      log(`importing ../shared/osv into ${dbSeed} (once)`);
      await measure('node', [bin, 'db', 'import', join(sharedDir, 'osv'), '--cache-dir', dbSeed, '-q']);
    }
  }

  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    nproc: cpus().length,
    memGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    runs: opts.runs,
    peers: [peers.trivy.version ?? `trivy: ${peers.trivy.missing}`, peers.snyk.version ?? `snyk: ${peers.snyk.missing}`],
    inputs: { debianOciBytes: treeBytes(imgs.debOci), synthetic: synthetic.map((s) => ({ id: s.id, compressedBytes: treeBytes(s.dir) })) },
  };
  console.log(`# Bulwark benchmark — ${machine.cpu}, ${machine.nproc} CPUs, ${machine.memGiB} GiB, Node ${machine.node}, ${opts.runs} runs per tool, alternating`);
  console.log(`# peers: ${machine.peers.join('; ')}   RSS: ${rssTool}   BENCH=${opts.dir}`);

  const results = [];
  try {
    for (const c of cases) {
      log(`running ${c.id} (${c.tools.map((t) => t.name).join(', ')}) × ${opts.runs}`);
      try {
        const res = await runCase(c, dbSeed);
        results.push({ case: c, res });
        printCase(c, res);
      } catch (err) {
        console.log(`\n## ${c.title}  [${c.id}]\n   FAILED: ${err.message}`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const targets = evaluate(results);
  console.log('\n## targets');
  for (const t of targets) console.log(`   ${t.met ? 'met   ' : 'MISSED'} ${t.target}: ${t.value}`);
  const plain = results.map(({ case: c, res }) => ({ id: c.id, title: c.title, notes: c.notes ?? [], res }));
  writeFileSync(join(opts.dir, 'results.json'), JSON.stringify({ machine, results: plain, targets }, null, 2));
  writeFileSync(join(opts.dir, 'results.md'), markdown(machine, results, targets));
  console.log(`\nresults: ${join(opts.dir, 'results.json')} and results.md`);
}

main().catch((err) => {
  console.error(`bench: ${err.message}`);
  process.exit(1);
});
