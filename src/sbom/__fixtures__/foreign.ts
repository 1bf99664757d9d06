/**
 * Hand-written SBOMs in the shapes Trivy (0.5x) and Syft (1.x) write, trimmed to a few packages.
 * Property names, purl qualifiers and OS components follow those tools' CycloneDX and SPDX encoders.
 */
const L0 = 'sha256:' + '1'.repeat(64);
const L1 = 'sha256:' + '2'.repeat(64);
export const TRIVY_LAYERS = [L0, L1];

const trivyProps = (o: Record<string, string>): { name: string; value: string }[] => Object.entries(o).map(([k, v]) => ({ name: `aquasecurity:trivy:${k}`, value: v }));

/** trivy image --format cyclonedx debian:12 */
export const trivyCycloneDx = {
  $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  serialNumber: 'urn:uuid:8f0e7a35-64c1-4bb2-9d63-6f6f2c0f3c11',
  version: 1,
  metadata: {
    timestamp: '2026-03-01T10:00:00+00:00',
    tools: { components: [{ type: 'application', group: 'aquasecurity', name: 'trivy', version: '0.58.1' }] },
    component: {
      'bom-ref': 'pkg:oci/debian@sha256%3A' + 'e'.repeat(64) + '?arch=amd64&repository_url=index.docker.io%2Flibrary%2Fdebian',
      type: 'container',
      name: 'debian:12',
      purl: 'pkg:oci/debian@sha256%3A' + 'e'.repeat(64) + '?arch=amd64&repository_url=index.docker.io%2Flibrary%2Fdebian',
      properties: [...trivyProps({ DiffID: L0 }), ...trivyProps({ DiffID: L1 }), ...trivyProps({ ImageID: 'sha256:' + 'f'.repeat(64), RepoTag: 'debian:12', SchemaVersion: '2' })],
    },
  },
  components: [
    {
      'bom-ref': 'pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12.5',
      type: 'library',
      supplier: { name: 'GNU Libc Maintainers <debian-glibc@lists.debian.org>' },
      name: 'libc6',
      version: '2.36-9+deb12u4',
      licenses: [{ license: { name: 'LGPL-2.1' } }, { license: { name: 'GPL-2.0' } }],
      purl: 'pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12.5',
      properties: trivyProps({ LayerDiffID: L0, PkgID: 'libc6@2.36-9+deb12u4', PkgType: 'debian', SrcName: 'glibc', SrcRelease: '9+deb12u4', SrcVersion: '2.36' }),
    },
    {
      'bom-ref': 'pkg:deb/debian/tar@1.34%2Bdfsg-1.2%2Bdeb12u1?arch=amd64&distro=debian-12.5&epoch=0',
      type: 'library',
      name: 'tar',
      version: '1.34+dfsg-1.2+deb12u1',
      purl: 'pkg:deb/debian/tar@1.34%2Bdfsg-1.2%2Bdeb12u1?arch=amd64&distro=debian-12.5',
      properties: trivyProps({ LayerDiffID: L1, PkgType: 'debian', SrcName: 'tar', SrcRelease: '1.2+deb12u1', SrcVersion: '1.34+dfsg', SrcEpoch: '0' }),
    },
    {
      'bom-ref': 'b5c4f0ce-0f7c-4d7e-8b2b-1c5f3e1c9a01',
      type: 'application',
      name: 'app/package-lock.json',
      properties: trivyProps({ Class: 'lang-pkgs', Type: 'npm' }),
    },
    {
      'bom-ref': 'pkg:npm/express@4.18.2',
      type: 'library',
      name: 'express',
      version: '4.18.2',
      licenses: [{ license: { id: 'MIT' } }],
      purl: 'pkg:npm/express@4.18.2',
      properties: trivyProps({ FilePath: 'app/node_modules/express/package.json', LayerDiffID: L1, PkgID: 'express@4.18.2', PkgType: 'npm' }),
    },
    {
      'bom-ref': '3a9e1f0b-7b55-4f3b-8d8c-0d1d2f1e0b22',
      type: 'operating-system',
      name: 'debian',
      version: '12.5',
      properties: trivyProps({ Class: 'os-pkgs', Type: 'debian' }),
    },
  ],
  dependencies: [],
};

/** syft alpine:3.19 -o cyclonedx-json */
export const syftCycloneDx = {
  $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  serialNumber: 'urn:uuid:2c4d1b8e-0a3f-4f0e-9b1e-7d3c2a1f0e99',
  version: 1,
  metadata: {
    timestamp: '2026-03-01T10:00:00Z',
    tools: { components: [{ type: 'application', author: 'anchore', name: 'syft', version: '1.19.0' }] },
    component: { 'bom-ref': 'a1b2c3d4e5f60718', type: 'container', name: 'alpine', version: 'sha256:' + '9'.repeat(64) },
  },
  components: [
    {
      'bom-ref': 'pkg:apk/alpine/libcrypto3@3.1.4-r5?arch=x86_64&upstream=openssl&distro=alpine-3.19.1&package-id=0b1c',
      type: 'library',
      publisher: 'Natanael Copa <ncopa@alpinelinux.org>',
      name: 'libcrypto3',
      version: '3.1.4-r5',
      licenses: [{ expression: 'Apache-2.0' }],
      cpe: 'cpe:2.3:a:libcrypto3:libcrypto3:3.1.4-r5:*:*:*:*:*:*:*',
      purl: 'pkg:apk/alpine/libcrypto3@3.1.4-r5?arch=x86_64&upstream=openssl&distro=alpine-3.19.1',
      properties: [
        { name: 'syft:package:foundBy', value: 'apk-db-cataloger' },
        { name: 'syft:package:type', value: 'apk' },
        { name: 'syft:package:metadataType', value: 'apk-db-entry' },
        { name: 'syft:location:0:layerID', value: L0 },
        { name: 'syft:location:0:path', value: '/lib/apk/db/installed' },
        { name: 'syft:metadata:originPackage', value: 'openssl' },
      ],
    },
    {
      'bom-ref': 'pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64&distro=alpine-3.19.1&package-id=77aa',
      type: 'library',
      name: 'busybox',
      version: '1.36.1-r15',
      licenses: [{ license: { id: 'GPL-2.0-only' } }],
      purl: 'pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64&distro=alpine-3.19.1',
      properties: [
        { name: 'syft:package:foundBy', value: 'apk-db-cataloger' },
        { name: 'syft:package:type', value: 'apk' },
        { name: 'syft:location:0:layerID', value: L0 },
        { name: 'syft:location:0:path', value: '/lib/apk/db/installed' },
      ],
    },
    {
      'bom-ref': 'os:alpine@3.19.1',
      type: 'operating-system',
      name: 'alpine',
      version: '3.19.1',
      description: 'Alpine Linux v3.19',
      swid: { tagId: 'alpine', name: 'alpine', version: '3.19.1' },
      properties: [
        { name: 'syft:distro:id', value: 'alpine' },
        { name: 'syft:distro:prettyName', value: 'Alpine Linux v3.19' },
        { name: 'syft:distro:versionID', value: '3.19.1' },
      ],
    },
    { 'bom-ref': 'f-1', type: 'file', name: '/bin/busybox', hashes: [{ alg: 'SHA-1', content: 'a'.repeat(40) }] },
  ],
};

/** syft debian:12 -o spdx-json (Syft names no OS package: the distro comes from the purls) */
export const syftSpdx = {
  spdxVersion: 'SPDX-2.3',
  dataLicense: 'CC0-1.0',
  SPDXID: 'SPDXRef-DOCUMENT',
  name: 'debian',
  documentNamespace: 'https://anchore.com/syft/image/debian-5a9f1f8e-3c1d-4e8a-9a0b-2f1e0d9c8b7a',
  creationInfo: { licenseListVersion: '3.25', creators: ['Organization: Anchore, Inc', 'Tool: syft-1.19.0'], created: '2026-03-01T10:00:00Z' },
  packages: [
    {
      name: 'libssl3', SPDXID: 'SPDXRef-Package-deb-libssl3-4c2d0e1f', versionInfo: '3.0.11-1~deb12u2', supplier: 'Person: Debian OpenSSL Team',
      originator: 'Person: Debian OpenSSL Team', downloadLocation: 'NOASSERTION', filesAnalyzed: false,
      sourceInfo: 'acquired package info from DPKG DB: /var/lib/dpkg/status, /usr/share/doc/libssl3/copyright, /var/lib/dpkg/info/libssl3:amd64.md5sums',
      licenseConcluded: 'NOASSERTION', licenseDeclared: 'Apache-2.0 AND LicenseRef-Artistic', copyrightText: 'NOASSERTION',
      externalRefs: [
        { referenceCategory: 'SECURITY', referenceType: 'cpe23Type', referenceLocator: 'cpe:2.3:a:libssl3:libssl3:3.0.11-1\\~deb12u2:*:*:*:*:*:*:*' },
        { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&upstream=openssl&distro=debian-12' },
      ],
    },
    {
      name: 'debian', SPDXID: 'SPDXRef-DocumentRoot-Image-debian', versionInfo: 'sha256:' + '8'.repeat(64), supplier: 'NOASSERTION',
      downloadLocation: 'NOASSERTION', filesAnalyzed: false, licenseConcluded: 'NOASSERTION', licenseDeclared: 'NOASSERTION', primaryPackagePurpose: 'CONTAINER',
      externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:oci/debian@sha256%3A' + '8'.repeat(64) + '?arch=amd64&tag=12' }],
    },
  ],
  hasExtractedLicensingInfos: [{ licenseId: 'LicenseRef-Artistic', extractedText: 'Artistic', name: 'Artistic' }],
  relationships: [
    { spdxElementId: 'SPDXRef-DocumentRoot-Image-debian', relatedSpdxElement: 'SPDXRef-Package-deb-libssl3-4c2d0e1f', relationshipType: 'CONTAINS' },
    { spdxElementId: 'SPDXRef-DOCUMENT', relatedSpdxElement: 'SPDXRef-DocumentRoot-Image-debian', relationshipType: 'DESCRIBES' },
  ],
};

/** trivy image --format spdx-json rockylinux:9 (annotations carry Trivy's properties) */
export const trivySpdx = {
  spdxVersion: 'SPDX-2.3',
  dataLicense: 'CC0-1.0',
  SPDXID: 'SPDXRef-DOCUMENT',
  name: 'rockylinux:9',
  documentNamespace: 'http://aquasecurity.github.io/trivy/container_image/rockylinux:9-1b2c',
  creationInfo: { creators: ['Organization: aquasecurity', 'Tool: trivy-0.58.1'], created: '2026-03-01T10:00:00Z' },
  packages: [
    {
      name: 'rockylinux:9', SPDXID: 'SPDXRef-ContainerImage-1a2b', downloadLocation: 'NONE', primaryPackagePurpose: 'CONTAINER',
      annotations: [{ annotator: 'Tool: trivy-0.58.1', annotationDate: '2026-03-01T10:00:00Z', annotationType: 'OTHER', comment: `DiffID: ${L0}` }],
    },
    { name: 'rocky', SPDXID: 'SPDXRef-OperatingSystem-3c4d', versionInfo: '9.3', downloadLocation: 'NONE', primaryPackagePurpose: 'OPERATING-SYSTEM' },
    {
      name: 'openssl-libs', SPDXID: 'SPDXRef-Package-5e6f', versionInfo: '1:3.0.7-25.el9_3', downloadLocation: 'NONE', licenseDeclared: 'Apache-2.0',
      externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:rpm/rocky/openssl-libs@3.0.7-25.el9_3?arch=x86_64&epoch=1&distro=rocky-9.3' }],
      annotations: [
        { annotator: 'Tool: trivy-0.58.1', annotationDate: '2026-03-01T10:00:00Z', annotationType: 'OTHER', comment: `LayerDiffID: ${L0}` },
        { annotator: 'Tool: trivy-0.58.1', annotationDate: '2026-03-01T10:00:00Z', annotationType: 'OTHER', comment: 'PkgType: rocky' },
        { annotator: 'Tool: trivy-0.58.1', annotationDate: '2026-03-01T10:00:00Z', annotationType: 'OTHER', comment: 'SrcName: openssl' },
        { annotator: 'Tool: trivy-0.58.1', annotationDate: '2026-03-01T10:00:00Z', annotationType: 'OTHER', comment: 'SrcVersion: 3.0.7' },
        { annotator: 'Tool: trivy-0.58.1', annotationDate: '2026-03-01T10:00:00Z', annotationType: 'OTHER', comment: 'SrcRelease: 25.el9_3' },
        { annotator: 'Tool: trivy-0.58.1', annotationDate: '2026-03-01T10:00:00Z', annotationType: 'OTHER', comment: 'SrcEpoch: 1' },
      ],
    },
  ],
  relationships: [
    { spdxElementId: 'SPDXRef-DOCUMENT', relatedSpdxElement: 'SPDXRef-ContainerImage-1a2b', relationshipType: 'DESCRIBES' },
    { spdxElementId: 'SPDXRef-ContainerImage-1a2b', relatedSpdxElement: 'SPDXRef-OperatingSystem-3c4d', relationshipType: 'CONTAINS' },
    { spdxElementId: 'SPDXRef-OperatingSystem-3c4d', relatedSpdxElement: 'SPDXRef-Package-5e6f', relationshipType: 'CONTAINS' },
  ],
};
