/**
 * Inputs and peers of the benchmark: the shared images in every archive form (built once from the
 * OCI archive with tar / skopeo), the peer scanners (installed by ../shared/tools), the advisory DB
 * imported once, and the decompression floor of a set of layer blobs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

function run(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts }).trim();
}

/** Paths of the shared images and the derived forms; missing derived forms are built into `dir`. */
export function prepareImages(sharedDir, dir, log) {
  const images = join(sharedDir, 'images');
  const debOci = join(images, 'debian-bookworm-ssh.oci.tar');
  const alpine = join(images, 'alpine-3.10.docker.tar.gz');
  const out = { debOci, alpine, debLayout: join(dir, 'debian-bookworm-ssh.oci'), debDocker: join(dir, 'debian-bookworm-ssh.docker.tar') };
  if (!existsSync(join(out.debLayout, 'index.json'))) {
    log(`extracting ${debOci} to the OCI layout ${out.debLayout}`);
    const tmp = `${out.debLayout}.tmp-${process.pid}`;
    mkdirSync(tmp, { recursive: true });
    run('tar', ['-xf', debOci, '-C', tmp]);
    renameSync(tmp, out.debLayout);
  }
  if (!existsSync(out.debDocker)) {
    log(`converting ${debOci} to the docker-archive ${out.debDocker} (skopeo)`);
    const tmp = `${out.debDocker}.tmp-${process.pid}`;
    try {
      run('skopeo', ['copy', '-q', `oci-archive:${debOci}:ssh`, `docker-archive:${tmp}:bulwark-bench/debian-bookworm-ssh:latest`]);
      renameSync(tmp, out.debDocker);
    } catch (err) {
      rmSync(tmp, { force: true });
      log(`  skopeo failed (${String(err.message).split('\n')[0]}): the docker-archive case is skipped`);
      out.debDocker = undefined;
    }
  }
  return out;
}

/** Layer blobs (gzip/zstd) of an OCI layout, from its first manifest. */
export function layoutLayers(layout) {
  const blob = (d) => join(layout, 'blobs', ...d.split(':'));
  const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8'));
  const manifest = JSON.parse(readFileSync(blob(index.manifests[0].digest), 'utf8'));
  return manifest.layers.map((l) => ({ file: blob(l.digest), mediaType: l.mediaType, size: l.size }));
}

/** The shell command that just decompresses the layers (gzip -dc / zstd -dc, summed). */
export function floorCommand(layers) {
  const parts = layers.map((l) => `${/zstd/.test(l.mediaType) ? 'zstd -q' : 'gzip'} -dc '${l.file}' > /dev/null`);
  return ['sh', ['-c', parts.join('; ')]];
}

/** The peer Trivy binary, or a reason it is missing. */
export function peerTrivy(sharedDir) {
  const script = join(sharedDir, 'tools', 'peer-trivy.sh');
  if (!existsSync(script)) return { missing: `${script} not found` };
  try {
    const bin = run('bash', [script]);
    let version = 'unknown';
    try {
      version = run(bin, ['--version']).split('\n')[0];
    } catch {}
    return { bin, version: `trivy (cdxgen build) ${version}` };
  } catch (err) {
    return { missing: `peer-trivy.sh failed: ${String(err.message).split('\n')[0]}` };
  }
}

/** The snyk-docker-plugin wrapper script (installed on first use), or a reason it is missing. */
export function peerSnyk(sharedDir, probe) {
  const script = join(sharedDir, 'tools', 'peer-snyk.sh');
  if (!existsSync(script)) return { missing: `${script} not found` };
  try {
    run('bash', [script, `docker-archive:${probe}`], { timeout: 300_000 });
  } catch (err) {
    return { missing: `peer-snyk.sh failed: ${String(err.message).split('\n')[0]}` };
  }
  const dest = join(process.env.PEER_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(process.env.HOME ?? '', '.cache'), 'bulwark-peers'), 'snyk');
  let version = 'unknown';
  try {
    version = JSON.parse(readFileSync(join(dest, 'node_modules', 'snyk-docker-plugin', 'package.json'), 'utf8')).version;
  } catch {}
  return { script, version: `snyk-docker-plugin ${version}` };
}

/** Size of a directory tree in bytes. */
export function treeBytes(p) {
  const st = statSync(p);
  if (!st.isDirectory()) return st.size;
  let n = 0;
  for (const d of readdirSync(p)) n += treeBytes(join(p, d));
  return n;
}
