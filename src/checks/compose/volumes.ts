/** Reading compose volume entries in short ("src:dst:ro") and long ({type, source, target}) syntax. */
import type { Located } from './input.js';

export interface Mount {
  source: string;
  target: string;
  readOnly: boolean;
  line: number;
}

/** Host bind mounts of a service's `volumes` items (named volumes are skipped). */
export function bindMounts(items: Located[]): Mount[] {
  const out: Mount[] = [];
  for (const it of items) {
    if (typeof it.value === 'string') {
      const parts = it.value.split(':');
      // Windows drive letters ("C:\x:/y") are rare in compose files; treat the first part as the source
      const [source = '', target = '', mode = ''] = parts;
      if (!/^[./~$]/.test(source)) continue;
      out.push({ source, target, readOnly: /(^|,)ro(,|$)/.test(mode), line: it.line });
    } else if (it.value && typeof it.value === 'object') {
      const v = it.value as Record<string, unknown>;
      if (v['type'] !== 'bind' && !(v['type'] === undefined && typeof v['source'] === 'string' && /^[./~$]/.test(v['source']))) continue;
      out.push({ source: String(v['source'] ?? ''), target: String(v['target'] ?? ''), readOnly: v['read_only'] === true, line: it.line });
    }
  }
  return out;
}

/** A container runtime API socket (Docker, Podman, containerd, CRI-O). */
export function isRuntimeSocket(path: string): boolean {
  return /(^|\/)(docker|podman|containerd|crio)\.sock$/.test(path) || /^\/(var\/)?run\/(docker|containerd|crio|podman)\/?$/.test(path);
}
