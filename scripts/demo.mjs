#!/usr/bin/env node
// The main job on an example image that Bulwark builds itself (no network, no Docker):
// writes a small Debian-like image with Bulwark's image writer, then inventories it and writes an SBOM.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeImage } from '../dist/image/writer.js';

const work = mkdtempSync(join(tmpdir(), 'bulwark-demo-'));
const status = [
  ['base-files', '12.4+deb12u5', ''],
  ['libssl3', '3.0.11-1~deb12u2', 'openssl'],
  ['openssh-server', '1:9.2p1-2+deb12u2', 'openssh'],
  ['python3-requests', '2.28.1+dfsg-1', 'requests'],
]
  .map(([p, v, s]) => `Package: ${p}\nStatus: install ok installed\n${s ? `Source: ${s}\n` : ''}Version: ${v}\nArchitecture: amd64\n`)
  .join('\n');
const spec = {
  layers: [
    {
      createdBy: 'ADD rootfs.tar.xz /',
      files: [
        { path: 'etc/os-release', content: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n' },
        { path: 'etc/debian_version', content: '12.5\n' },
        { path: 'var/lib/dpkg/status', content: status },
        { path: 'var/lib/dpkg/info/python3-requests.list', content: '/usr/lib/python3/dist-packages/requests-2.28.1.egg-info/PKG-INFO\n' },
        { path: 'usr/lib/python3/dist-packages/requests-2.28.1.egg-info/PKG-INFO', content: 'Metadata-Version: 2.1\nName: requests\nVersion: 2.28.1\nLicense: Apache 2.0\n' },
      ],
    },
    {
      createdBy: 'COPY app /app',
      files: [
        { path: 'app/package-lock.json', content: JSON.stringify({ name: 'app', lockfileVersion: 3, packages: { '': { name: 'app' }, 'node_modules/lodash': { version: '4.17.20', license: 'MIT' } } }) },
        { path: 'app/node_modules/lodash/package.json', content: JSON.stringify({ name: 'lodash', version: '4.17.20', license: 'MIT' }) },
      ],
    },
  ],
  config: { Cmd: ['/usr/sbin/sshd', '-D'], ExposedPorts: { '22/tcp': {} } },
};
try {
  const image = join(work, 'example.oci.tar');
  await writeImage(spec, image, { format: 'oci-archive', refName: 'example' });
  const cli = (args) => spawnSync(process.execPath, ['bin/bulwark.js', ...args], { stdio: 'inherit' }).status;
  console.log(`# example image written to ${image}\n`);
  let code = cli(['packages', image, '--cache-dir', join(work, 'cache')]);
  if (code === 0) code = cli(['sbom', image, '--format', 'cyclonedx', '-o', join(work, 'example.cdx.json'), '-q', '--cache-dir', join(work, 'cache')]);
  if (code === 0) console.log(`\n# CycloneDX SBOM written (${join(work, 'example.cdx.json')})`);
  process.exitCode = code ?? 1;
} finally {
  if (!process.env.BULWARK_DEMO_KEEP) rmSync(work, { recursive: true, force: true });
}
