/** The TTL caches: expiry on the injected clock, bounded size, shared in-flight work, failures not kept. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTtlCache } from './cache.js';

describe('createTtlCache', () => {
  it('reuses a value until its TTL passes', async () => {
    let t = 1_000;
    const cache = createTtlCache<number>(100, 10, () => t);
    let n = 0;
    const compute = async () => ++n;
    assert.deepEqual(await cache.getOrCompute('k', compute), { value: 1, hit: false });
    t += 99;
    assert.deepEqual(await cache.getOrCompute('k', compute), { value: 1, hit: true });
    t += 1;
    assert.deepEqual(await cache.getOrCompute('k', compute), { value: 2, hit: false });
  });

  it('evicts the oldest entries past its size', async () => {
    const cache = createTtlCache<string>(1_000, 2, () => 0);
    for (const k of ['a', 'b', 'c']) await cache.getOrCompute(k, async () => k);
    assert.equal(cache.size, 2);
    assert.equal(cache.get('a'), undefined);
    assert.equal(cache.get('c'), 'c');
  });

  it('shares one computation between concurrent misses', async () => {
    const cache = createTtlCache<number>(1_000, 10, () => 0);
    let n = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const compute = async () => {
      n++;
      await gate;
      return 7;
    };
    const all = Promise.all([cache.getOrCompute('k', compute), cache.getOrCompute('k', compute), cache.getOrCompute('k', compute)]);
    release();
    const res = await all;
    assert.equal(n, 1);
    assert.deepEqual(res.map((r) => r.hit), [false, true, true]);
  });

  it('does not keep failures, and a zero TTL keeps nothing', async () => {
    const cache = createTtlCache<number>(1_000, 10, () => 0);
    await assert.rejects(cache.getOrCompute('k', async () => Promise.reject(new Error('down'))), /down/);
    assert.deepEqual(await cache.getOrCompute('k', async () => 3), { value: 3, hit: false });
    const none = createTtlCache<number>(0, 10, () => 0);
    await none.getOrCompute('k', async () => 1);
    assert.equal(none.size, 0);
  });
});
