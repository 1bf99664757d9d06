/** IMG-011: world-writable files, and world-writable directories without the sticky bit. */
import type { ImageSpec } from '../../image/writer.js';
import type { Check, CheckHit, CheckMeta } from '../types.js';
import { exampleImage } from './example-spec.js';
import type { ImageCheckInput } from './input.js';
import { permBits, shortCreatedBy } from './util.js';

const MAX_HITS = 20;
const PSEUDO = /^\/(proc|sys|dev)(\/|$)/;

const meta: CheckMeta<ImageSpec> = {
  id: 'IMG-011',
  slug: 'world-writable-paths',
  target: 'image',
  title: 'World-writable path without the sticky bit',
  severity: 'LOW',
  rationale:
    'Any user in the container can change a world-writable file, and can replace or delete other users\' files in a world-writable directory that lacks the sticky bit (/tmp has it: mode 1777). Writable programs, libraries or configuration let a compromised low-privilege process tamper with what a more privileged one runs.',
  remediation: 'Drop the other-write bit (`chmod o-w`), or set the sticky bit on shared scratch directories (`chmod 1777`). Give the application user ownership of the paths it must write instead.',
  references: { cis: '4.8' },
  examples: {
    bad: [{ description: 'A world-writable directory without the sticky bit', input: exampleImage([{ path: 'app/uploads', type: 'dir', mode: 0o777 }]) }],
    good: [{ description: '/tmp with the sticky bit', input: exampleImage([{ path: 'tmp', type: 'dir', mode: 0o1777 }]) }],
  },
};

/** Reports up to 20 world-writable paths (device nodes, /proc, /sys and symlinks excluded), then a summary. */
export const img011WorldWritablePaths: Check<ImageCheckInput> = {
  meta,
  run(input) {
    const bad: { path: string; mode: number; layer: number; type: string }[] = [];
    for (const [path, fe] of input.files) {
      const { type } = fe.entry;
      if ((type !== 'file' && type !== 'dir') || PSEUDO.test(path)) continue;
      const mode = permBits(fe.entry.mode);
      if (!(mode & 0o002)) continue;
      if (type === 'dir' && mode & 0o1000) continue;
      bad.push({ path, mode, layer: fe.layer, type });
    }
    bad.sort((a, b) => (a.path < b.path ? -1 : 1));
    const out: CheckHit[] = bad.slice(0, MAX_HITS).map((b) => ({
      message: `${b.type === 'dir' ? 'Directory' : 'File'} ${b.path} is world-writable (mode ${b.mode.toString(8)})${b.type === 'dir' ? ' without the sticky bit' : ''}.`,
      location: { path: b.path, layer: b.layer, layerCreatedBy: shortCreatedBy(input.createdBy(b.layer)) },
    }));
    if (bad.length > MAX_HITS) out.push({ message: `${bad.length - MAX_HITS} more world-writable paths are not listed.` });
    return out;
  },
};
