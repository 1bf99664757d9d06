/** Options shared by the scanning commands, and output writing. */
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import type { ScanOptions } from '../app/inventory.js';
import { stderrProgress } from '../shared/progress.js';

export interface GlobalFlags {
  cacheDir?: string;
  quiet?: boolean;
  noCache?: boolean;
  cache?: boolean;
  platform?: string;
  username?: string;
  password?: string;
  plainHttp?: boolean;
  insecure?: boolean;
  dockerConfig?: string;
  output?: string;
  format?: string;
}

export function addScanFlags(cmd: Command): Command {
  return cmd
    .option('--cache-dir <dir>', 'cache directory (default $BULWARK_CACHE_DIR or the user cache dir)')
    .option('--no-cache', 'do not read or write the layer cache')
    .option('-q, --quiet', 'no progress output on stderr')
    .option('--platform <os/arch[/variant]>', 'platform to pick from a multi-arch image')
    .option('--username <user>', 'registry user name (else from docker config.json)')
    .option('--password <password>', 'registry password or token (prefer $BULWARK_PASSWORD)')
    .option('--plain-http', 'talk plain HTTP to the registry (loopback registries)')
    .option('--insecure', 'accept a registry TLS certificate that does not verify')
    .option('--docker-config <file>', 'docker config.json with registry credentials')
    .option('-o, --output <file>', 'write the report to a file instead of stdout');
}

export function scanOptions(f: GlobalFlags): ScanOptions {
  return {
    cacheDir: f.cacheDir,
    noCache: f.cache === false,
    platform: f.platform,
    progress: stderrProgress(Boolean(f.quiet)),
    registry: {
      username: f.username ?? process.env.BULWARK_USERNAME,
      password: f.password ?? process.env.BULWARK_PASSWORD,
      plainHttp: f.plainHttp,
      insecureSkipVerify: f.insecure,
      dockerConfig: f.dockerConfig,
    },
  };
}

export async function writeOutput(text: string, file?: string): Promise<void> {
  if (file) await writeFile(file, text);
  else await writeChunks([text]);
}

/** Writes output made piece by piece (listings of 300k rows), waiting for the reader between pieces. */
export async function writeChunks(chunks: Iterable<string>, file?: string): Promise<void> {
  const out: NodeJS.WritableStream = file ? createWriteStream(file) : process.stdout;
  // a reader that went away (`bulwark files img | head`) ends the output, it is not an error
  let closed = false;
  let onError: (err: NodeJS.ErrnoException) => void = () => {};
  const failed = new Promise<void>((resolve, reject) => {
    onError = (err) => {
      closed = true;
      if (err.code === 'EPIPE') resolve();
      else reject(err);
    };
  });
  out.on('error', onError);
  try {
    for (const chunk of chunks) {
      if (closed) break;
      if (!out.write(chunk)) await Promise.race([new Promise<void>((r) => out.once('drain', () => r())), failed]);
    }
    if (closed) return await failed;
    if (file) {
      out.end();
      await Promise.race([finished(out), failed]);
    } else await Promise.race([new Promise<void>((resolve) => out.write('', () => resolve())), failed]);
  } finally {
    // after an EPIPE the listener stays on stdout, so a later write's EPIPE is not an unhandled 'error'
    if (file || !closed) out.off('error', onError);
  }
}
