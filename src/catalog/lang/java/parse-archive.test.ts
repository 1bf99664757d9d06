import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../../../../test/helpers/fixtures.js';
import { makeZip, mavenJar, patchDeclaredSizes } from './__fixtures__/zip.js';
import { DEFAULT_JAVA_LIMITS, parseJavaArchive } from './parse-archive.js';

async function sampleWar(): Promise<Buffer> {
  const lib = await mavenJar('org.slf4j', 'slf4j-api', '2.0.9');
  const plain = await makeZip({ 'META-INF/MANIFEST.MF': 'Manifest-Version: 1.0\nImplementation-Version: 3.12.0\nBundle-SymbolicName: org.apache.commons.lang3\nBundle-License: Apache-2.0\n' });
  const boot = await makeZip({ 'BOOT-INF/lib/jackson-core-2.15.2.jar': await mavenJar('com.fasterxml.jackson.core', 'jackson-core', '2.15.2') });
  return makeZip({
    'META-INF/MANIFEST.MF': 'Manifest-Version: 1.0\n',
    'META-INF/maven/com.example/shop/pom.properties': 'groupId=com.example\nartifactId=shop\nversion=1.4.0\n',
    'WEB-INF/lib/slf4j-api-2.0.9.jar': lib,
    'WEB-INF/lib/commons-lang3-3.12.0.jar': plain,
    'WEB-INF/lib/boot.jar': boot,
    'WEB-INF/classes/App.class': Buffer.from([0xca, 0xfe, 0xba, 0xbe]),
  });
}

describe('parseJavaArchive', () => {
  it('reads a war, its WEB-INF/lib jars and a jar nested two deep', async () => {
    const { packages, skipped } = await parseJavaArchive(await sampleWar(), '/srv/shop.war');
    assert.deepEqual(skipped, []);
    assert.deepEqual(
      packages.map((p) => [p.purl, p.subPath ?? '(file)']),
      [
        ['pkg:maven/com.example/shop@1.4.0', '(file)'],
        ['pkg:maven/org.slf4j/slf4j-api@2.0.9', '/srv/shop.war!/WEB-INF/lib/slf4j-api-2.0.9.jar'],
        ['pkg:maven/org.apache.commons/commons-lang3@3.12.0', '/srv/shop.war!/WEB-INF/lib/commons-lang3-3.12.0.jar'],
        ['pkg:maven/com.fasterxml.jackson.core/jackson-core@2.15.2', '/srv/shop.war!/WEB-INF/lib/boot.jar!/BOOT-INF/lib/jackson-core-2.15.2.jar'],
      ],
    );
    assert.deepEqual(packages[2]!.licenses, ['Apache-2.0']);
    assert.match(String(packages[1]!.metadata?.sha1), /^[0-9a-f]{40}$/);
  });

  it('reads an archive from a file on disk (spooled large file)', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const p = join(dir, 'shop.war');
      await writeFile(p, await sampleWar());
      assert.equal((await parseJavaArchive(p, '/srv/shop.war')).packages.length, 4);
    } finally {
      await cleanup();
    }
  });

  it('stops descending at the depth cap', async () => {
    let jar = await mavenJar('g', 'level-8', '1.0');
    for (let level = 7; level >= 0; level--) jar = await mavenJar('g', `level-${level}`, '1.0', { [`lib/level-${level + 1}.jar`]: jar });
    const { packages, skipped } = await parseJavaArchive(jar, '/deep.jar');
    assert.equal(packages.length, DEFAULT_JAVA_LIMITS.maxDepth + 1);
    assert.equal(packages.at(-1)!.name, `level-${DEFAULT_JAVA_LIMITS.maxDepth}`);
    assert.equal(skipped.length, 1);
    assert.match(skipped[0]!, /nested deeper than 5/);
  });

  it('refuses a zip-bomb nested jar that would overrun the inflate budget, keeping its siblings', async () => {
    const bomb = await makeZip({ 'lib/big.jar': Buffer.alloc(4 * 1024 * 1024) }); // ~4 KiB deflated
    const war = await makeZip({
      'META-INF/maven/g/app/pom.properties': 'groupId=g\nartifactId=app\nversion=1\n',
      'WEB-INF/lib/a-1.0.jar': await mavenJar('g', 'a', '1.0'),
      'WEB-INF/lib/bomb-1.0.jar': bomb,
      'WEB-INF/lib/z-1.0.jar': await mavenJar('g', 'z', '1.0'),
    });
    const limits = { ...DEFAULT_JAVA_LIMITS, maxInflatedBytes: 1024 * 1024 };
    const { packages, skipped } = await parseJavaArchive(war, '/w.war', undefined, limits);
    assert.deepEqual(packages.map((p) => p.name), ['app', 'a', 'bomb', 'z']);
    assert.deepEqual(skipped, ['/w.war!/WEB-INF/lib/bomb-1.0.jar!/lib/big.jar: inflate budget exhausted at lib/big.jar']);
  });

  it('refuses a nested archive bigger than the per-entry cap', async () => {
    const war = await makeZip({ 'WEB-INF/lib/huge-1.0.jar': Buffer.alloc(300_000) });
    const { skipped } = await parseJavaArchive(war, '/w.war', undefined, { ...DEFAULT_JAVA_LIMITS, maxNestedBytes: 100_000 });
    assert.match(skipped[0]!, /exceeds the 100000-byte limit/);
  });

  it('does not trust a declared size smaller than what an entry inflates to', async () => {
    const lying = patchDeclaredSizes(await makeZip({ 'WEB-INF/lib/x-1.0.jar': Buffer.alloc(200_000) }), 10);
    const { packages, skipped } = await parseJavaArchive(lying, '/w.war');
    assert.deepEqual(packages, []);
    assert.equal(skipped.length, 1);
  });

  const broken: [string, () => Promise<Buffer>][] = [
    ['not a zip', async () => Buffer.from('this is not a zip archive at all, just text')],
    ['a truncated zip', async () => (await sampleWar()).subarray(0, 500)],
    ['an empty file', async () => Buffer.alloc(0)],
  ];
  for (const [what, make] of broken) {
    it(`throws a short error for ${what}`, async () => {
      await assert.rejects(parseJavaArchive(await make(), '/x.jar'), (err: Error) => /^bad zip archive/.test(err.message) && err.message.length < 140);
    });
  }

  it('skips a corrupt nested jar but keeps its siblings', async () => {
    const war = await makeZip({ 'WEB-INF/lib/bad-1.0.jar': 'not a zip', 'WEB-INF/lib/good-1.0.jar': await mavenJar('g', 'good', '1.0') });
    const { packages, skipped } = await parseJavaArchive(war, '/w.war');
    assert.deepEqual(packages.map((p) => p.name), ['good']);
    assert.match(skipped[0]!, /bad-1\.0\.jar: bad zip archive/);
  });
});
