/**
 * `bulwark config <path…>`: finds Dockerfiles, compose files and Kubernetes manifests (files or
 * directory trees) and runs the matching checks, with inline and ignore-file suppression.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SuppressedFinding } from '../checks/suppress.js';
import type { ConfigFinding } from '../checks/types.js';
import { isComposePath, scanCompose } from '../checks/compose/scan.js';
import { isDockerfilePath, scanDockerfile } from '../checks/dockerfile/scan.js';
import { isKubernetesManifest, scanKubernetes } from '../checks/kubernetes/scan.js';
import { BulwarkError } from '../shared/errors.js';
import type { IgnoreRule } from '../vuln/ignore.js';

export interface FileScanResult {
  findings: ConfigFinding[];
  suppressed: SuppressedFinding[];
  warnings: string[];
}

/** One kind of configuration file: how to recognise it and how to scan it. */
export interface ConfigFileKind {
  name: string;
  /** by path alone (Dockerfile, compose.yaml) */
  byPath?(path: string): boolean;
  /** by content, for generic YAML/JSON */
  byContent?(text: string, path: string): boolean;
  scan(text: string, path: string, rules: IgnoreRule[]): FileScanResult | Promise<FileScanResult>;
}

const kubernetes: ConfigFileKind = {
  name: 'kubernetes',
  byContent: (text, path) => /\.(ya?ml|json)$/i.test(path) && isKubernetesManifest(text),
  scan: (text, path, rules) => scanKubernetes(text, path, { rules }),
};

const dockerfile: ConfigFileKind = {
  name: 'dockerfile',
  byPath: isDockerfilePath,
  scan: (text, path, rules) => scanDockerfile(text, path, { ignoreRules: rules }),
};

const compose: ConfigFileKind = {
  name: 'compose',
  byPath: isComposePath,
  scan: (text, path, rules) => scanCompose(text, path, { ignoreRules: rules }),
};

/** The only list of configuration kinds, most specific first. */
export const CONFIG_KINDS: ConfigFileKind[] = [dockerfile, compose, kubernetes];

const SKIP_DIRS = new Set(['node_modules', '.git', 'vendor', '.terraform', 'dist']);
const MAX_FILE = 8 * 1024 * 1024;
const MAX_FILES = 20_000;

async function listFiles(path: string, out: string[]): Promise<void> {
  const st = await lstat(path).catch(() => undefined);
  if (!st) throw new BulwarkError('NOT_FOUND', `${path}: no such file or directory`);
  if (st.isFile()) {
    out.push(path);
    return;
  }
  if (!st.isDirectory()) return;
  const stack = [path];
  while (stack.length && out.length < MAX_FILES) {
    const dir = stack.pop()!;
    for (const d of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (d.isDirectory() && !SKIP_DIRS.has(d.name)) stack.push(join(dir, d.name));
      else if (d.isFile()) out.push(join(dir, d.name));
    }
  }
}

/** Scans files and directories; unrecognised files are ignored (listed only when named explicitly). */
export async function scanConfigPaths(paths: string[], rules: IgnoreRule[], kinds: ConfigFileKind[] = CONFIG_KINDS): Promise<FileScanResult & { scanned: string[] }> {
  const result: FileScanResult & { scanned: string[] } = { findings: [], suppressed: [], warnings: [], scanned: [] };
  for (const p of paths) {
    const files: string[] = [];
    await listFiles(p, files);
    const explicit = files.length === 1 && files[0] === p;
    for (const f of files) {
      let kind = kinds.find((k) => k.byPath?.(f));
      let text: string | undefined;
      if (!kind) {
        if (!/\.(ya?ml|json)$/i.test(f)) {
          if (explicit) result.warnings.push(`${f}: not a Dockerfile, compose file or Kubernetes manifest`);
          continue;
        }
        const st = await lstat(f);
        if (st.size > MAX_FILE) {
          result.warnings.push(`${f}: skipped (${st.size} bytes, limit ${MAX_FILE})`);
          continue;
        }
        text = await readFile(f, 'utf8');
        kind = kinds.find((k) => k.byContent?.(text!, f));
        if (!kind) {
          if (explicit) result.warnings.push(`${f}: not a Dockerfile, compose file or Kubernetes manifest`);
          continue;
        }
      }
      if (text === undefined) {
        const st = await lstat(f);
        if (st.size > MAX_FILE) throw new BulwarkError('TOO_LARGE', `${f}: ${st.size} bytes, more than the ${MAX_FILE} allowed`);
        text = await readFile(f, 'utf8');
      }
      const r = await kind.scan(text, f, rules);
      result.findings.push(...r.findings);
      result.suppressed.push(...r.suppressed);
      result.warnings.push(...r.warnings.map((w) => (w.startsWith(f) ? w : `${f}: ${w}`)));
      result.scanned.push(f);
    }
  }
  if (!result.scanned.length && !result.warnings.length) result.warnings.push(`no Dockerfile, compose file or Kubernetes manifest found under ${paths.join(', ')}`);
  return result;
}
