/** Runs every image check's examples: each is built with Bulwark's writer, scanned, and checked (bad hits, good does not). */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { scanImage } from '../../app/inventory.js';
import { makeImage, tempDir } from '../../../test/helpers/fixtures.js';
import type { ImageExample } from './example-spec.js';
import { imageFilesAnalyzer } from './files-analyzer.js';
import { buildImageCheckInput, type ImageCheckInput } from './input.js';
import { imageChecks } from './registry.js';

/** The clock the examples are judged at (EOL and point-release examples depend on it). */
const EXAMPLES_NOW = new Date('2026-06-01T00:00:00Z');

let dir: string;
let cleanup: () => Promise<void>;
let n = 0;

/** Builds, scans and prepares the check input for one example. */
async function exampleInput(ex: ImageExample, cacheDir: string, work: string): Promise<ImageCheckInput> {
  const img = await makeImage(work, ex, { format: 'docker-archive', repoTag: ex.repoTag }, `ex${n++}`);
  const scan = await scanImage(img.path, { extraAnalyzers: [imageFilesAnalyzer], noCache: true, cacheDir });
  const input = buildImageCheckInput(scan, { reference: ex.reference ?? img.path, now: EXAMPLES_NOW });
  return ex.registry ? { ...input, sourceKind: 'registry' } : input;
}

describe('image check examples', () => {
  before(async () => {
    ({ dir, cleanup } = await tempDir('bulwark-img-examples-'));
  });
  after(() => cleanup());
  for (const check of imageChecks) {
    const { id, examples } = check.meta;
    for (const ex of examples.bad) {
      it(`${id} hits: ${ex.description}`, async () => {
        const input = await exampleInput(ex.input as ImageExample, `${dir}/cache`, dir);
        const hits = check.run(input);
        assert.ok(hits.length > 0, `${id} should hit`);
        for (const h of hits) assert.ok(h.message.length > 10);
      });
    }
    for (const ex of examples.good) {
      it(`${id} passes: ${ex.description}`, async () => {
        const input = await exampleInput(ex.input as ImageExample, `${dir}/cache`, dir);
        assert.deepEqual(check.run(input), [], `${id} should not hit`);
      });
    }
  }
});
