import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { archivePackages, groupFromSymbolicName, isJavaArchive, nameFromFile } from './package.js';

describe('nameFromFile', () => {
  const cases: [string, string, string | undefined][] = [
    ['/app/lib/spring-core-5.3.20.RELEASE.jar', 'spring-core', '5.3.20.RELEASE'],
    ['/x/commons-lang3-3.12.0.jar', 'commons-lang3', '3.12.0'],
    ['/x/jackson-databind-2.15.2.JAR', 'jackson-databind', '2.15.2'],
    ['/x/app.war!/WEB-INF/lib/guava-32.1.2-jre.jar', 'guava', '32.1.2-jre'],
    ['/x/app.war', 'app', undefined],
    ['/x/4store-client.jar', '4store-client', undefined],
  ];
  for (const [path, name, version] of cases) it(path, () => assert.deepEqual(nameFromFile(path), version ? { name, version } : { name }));
});

describe('groupFromSymbolicName', () => {
  const cases: [string | undefined, string, string | undefined][] = [
    ['com.fasterxml.jackson.core.jackson-databind', 'jackson-databind', 'com.fasterxml.jackson.core'],
    ['org.apache.commons.lang3;singleton:=true', 'commons-lang3', 'org.apache.commons'],
    ['org.yaml.snakeyaml', 'snakeyaml', 'org.yaml'],
    // maven-bundle-plugin also writes BSN = groupId when artifactId equals its last segment (guava):
    // indistinguishable from the case above; such jars carry pom.properties, which wins
    ['com.google.guava', 'guava', 'com.google'],
    ['org.eclipse.jetty.server', 'jetty-util', undefined],
    ['nodots', 'nodots', undefined],
    [undefined, 'x', undefined],
  ];
  for (const [bsn, artifact, want] of cases) it(`${bsn} / ${artifact}`, () => assert.equal(groupFromSymbolicName(bsn, artifact), want));
});

describe('archivePackages', () => {
  it('prefers pom.properties; the one matching the file name gets the manifest licenses', () => {
    const pkgs = archivePackages({
      virtualPath: '/app/lib/core-1.0.jar',
      manifest: { 'Bundle-License': 'MIT' },
      poms: [
        { groupId: 'org.ex', artifactId: 'core', version: '1.0', path: 'META-INF/maven/org.ex/core/pom.properties' },
        { groupId: 'com.shaded', artifactId: 'dep', version: '2.0', path: 'META-INF/maven/com.shaded/dep/pom.properties' },
      ],
      nested: false,
    });
    assert.deepEqual(pkgs.map((p) => [p.purl, p.licenses, p.metadata?.shaded ?? false, p.subPath]), [
      ['pkg:maven/org.ex/core@1.0', ['MIT'], false, undefined],
      ['pkg:maven/com.shaded/dep@2.0', [], true, undefined],
    ]);
  });

  it('falls back to the manifest, then the file name', () => {
    const manifest = { 'Implementation-Version': '3.12.0', 'Bundle-SymbolicName': 'org.apache.commons.lang3' };
    const [m] = archivePackages({ virtualPath: '/a.war!/WEB-INF/lib/commons-lang3-3.12.0.jar', manifest, poms: [], nested: true });
    assert.equal(m!.purl, 'pkg:maven/org.apache.commons/commons-lang3@3.12.0');
    assert.equal(m!.subPath, '/a.war!/WEB-INF/lib/commons-lang3-3.12.0.jar');
    assert.equal(m!.metadata?.identityFrom, 'manifest');
    const [f] = archivePackages({ virtualPath: '/opt/foo-bar-1.2.3.jar', poms: [], nested: false });
    assert.equal(f!.purl, 'pkg:maven/foo-bar/foo-bar@1.2.3');
    assert.equal(f!.metadata?.identityFrom, 'filename');
  });

  it('uses a manifest title for a renamed archive and skips one with no version anywhere', () => {
    const [t] = archivePackages({ virtualPath: '/app.jar', manifest: { 'Implementation-Title': 'petclinic', 'Implementation-Version': '3.1.0', 'Implementation-Vendor-Id': 'org.springframework.samples' }, poms: [], nested: false });
    assert.equal(t!.purl, 'pkg:maven/org.springframework.samples/petclinic@3.1.0');
    assert.deepEqual(archivePackages({ virtualPath: '/app.jar', manifest: { 'Implementation-Title': 'Some App' }, poms: [], nested: false }), []);
  });
});

describe('isJavaArchive', () => {
  const cases: [string, boolean][] = [
    ['/a.jar', true], ['/a.WAR', true], ['/a.ear', true], ['/plugins/git.jpi', true], ['/plugins/git.hpi', true],
    ['/a.par', true], ['/a.sar', true], ['/a.nar', true], ['/a.jar.sha1', false], ['/a.rar', false], ['/jar', false],
  ];
  for (const [p, want] of cases) it(`${p} -> ${want}`, () => assert.equal(isJavaArchive(p), want));
});
