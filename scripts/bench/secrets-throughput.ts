/**
 * Secret-scanning throughput: `node --import tsx scripts/bench/secrets-throughput.ts [MB]` (default 200).
 * Builds a synthetic text layer (code/config-like lines, a realistic sprinkle of keywords and a few fake
 * tokens), then times (1) the scanner alone on the same bytes and (2) a full image scan with and without
 * the secrets analyzer (uncompressed layer, no cache), and prints MB/s.
 */
import { join } from 'node:path';
import { scanImage } from '../../src/app/inventory.js';
import { makeImage, tempDir } from '../../test/helpers/fixtures.js';
import { secretsAnalyzer, collectSecretFindings } from '../../src/secrets/analyzer.js';
import { fakeTokens, randomAlnum } from '../../src/secrets/fake-tokens.js';
import { scanBuffer } from '../../src/secrets/scanner.js';

const WORDS = 'the of and to in is for on that with as this by from at config server value return function const import export if else while user name port host path data request response error log debug key id list map item index count'.split(' ');

function syntheticFile(bytes: number, seed: number): Buffer {
  const lines: string[] = [];
  let size = 0;
  let n = seed;
  const next = (): number => {
    n = (Math.imul(n, 1103515245) + 12345) >>> 0;
    return n >>> 8;
  };
  while (size < bytes) {
    const r = next() % 100_000;
    let line: string;
    if (r < 10) line = `  password: "${randomAlnum(6)}-${randomAlnum(8)}"`;
    else if (r < 300) line = `    token = request.headers.get("X-Token-${next() % 100}")`;
    else if (r < 500) line = `SECRET_KEY_FILE=/run/secrets/key${next() % 10}`;
    else if (r === 500) line = `GITHUB_TOKEN=${fakeTokens().githubPat}`;
    else {
      const k = 4 + (next() % 12);
      const ws: string[] = [];
      for (let i = 0; i < k; i++) ws.push(WORDS[next() % WORDS.length]!);
      line = `${' '.repeat(next() % 8)}${ws.join(' ')};`;
    }
    lines.push(line);
    size += line.length + 1;
  }
  return Buffer.from(lines.join('\n'));
}

async function main(): Promise<void> {
  const mb = Number(process.argv[2] ?? 200);
  const fileSize = 1024 * 1024;
  const files = Array.from({ length: mb }, (_, i) => syntheticFile(fileSize, i + 1));
  const total = files.reduce((a, b) => a + b.length, 0) / 1024 / 1024;

  let t = 0;
  for (const round of ['cold', 'warm']) {
    t = performance.now();
    let found = 0;
    for (const [i, f] of files.entries()) found += scanBuffer(f, `/srv/app/file${i}.conf`).findings.length;
    const scanMs = performance.now() - t;
    console.log(`scanner alone (${round}): ${total.toFixed(0)} MB in ${scanMs.toFixed(0)} ms = ${(total / (scanMs / 1000)).toFixed(0)} MB/s (${found} findings)`);
  }

  const { dir, cleanup } = await tempDir('bulwark-secrets-bench-');
  try {
    const img = await makeImage(dir, { layers: [{ compression: 'none', files: files.map((content, i) => ({ path: `srv/app/file${i}.conf`, content })) }] }, { format: 'oci-layout' });
    const runs: Record<string, number> = {};
    for (const [name, extra] of [['without secrets', []], ['with secrets', [secretsAnalyzer]], ['without secrets (again)', []], ['with secrets (again)', [secretsAnalyzer]]] as const) {
      t = performance.now();
      const scan = await scanImage(img.path, { cacheDir: join(dir, 'cache'), noCache: true, extraAnalyzers: [...extra] });
      runs[name] = performance.now() - t;
      const n = extra.length ? collectSecretFindings(scan).length : 0;
      console.log(`image scan ${name}: ${runs[name]!.toFixed(0)} ms${extra.length ? ` (${n} findings)` : ''}`);
    }
    const added = Math.min(runs['with secrets']!, runs['with secrets (again)']!) - Math.min(runs['without secrets']!, runs['without secrets (again)']!);
    console.log(`added by secrets in the pipeline: ${added.toFixed(0)} ms = ${(total / (Math.max(1, added) / 1000)).toFixed(0)} MB/s of layer`);
  } finally {
    await cleanup();
  }
}

await main();
