/** IMG-014: package-manager caches and indexes left in the image (apt, apk, yum/dnf, zypper, pip, npm, yarn). */
import type { ImageSpec } from '../../image/writer.js';
import { formatBytes } from '../../shared/progress.js';
import type { Check, CheckMeta } from '../types.js';
import { exampleImage } from './example-spec.js';
import type { ImageCheckInput } from './input.js';
import { shortCreatedBy } from './util.js';

interface CacheRule {
  name: string;
  /** matches the cache directory prefix of a file path; the match is the directory reported */
  dir: RegExp;
  /** files that are part of the tool, not cached data */
  ignore?: RegExp;
  fix: string;
}

export const CACHE_RULES: CacheRule[] = [
  { name: 'apt package lists', dir: /^\/var\/lib\/apt\/lists\//, ignore: /\/(lock|auxfiles)$|\/partial\//, fix: 'rm -rf /var/lib/apt/lists/* in the same RUN as apt-get install' },
  { name: 'apt package archives', dir: /^\/var\/cache\/apt\//, ignore: /\/lock$|\/partial\//, fix: 'apt-get clean in the same RUN as apt-get install' },
  { name: 'apk cache', dir: /^\/var\/cache\/apk\//, fix: 'apk add --no-cache' },
  { name: 'yum cache', dir: /^\/var\/cache\/yum\//, fix: 'yum clean all in the same RUN' },
  { name: 'dnf cache', dir: /^\/var\/cache\/(dnf|libdnf5)\//, fix: 'dnf clean all in the same RUN' },
  { name: 'zypper cache', dir: /^\/var\/cache\/zypp\/(packages|raw|solv)\//, fix: 'zypper clean --all in the same RUN' },
  { name: 'pip cache', dir: /^\/(root|home\/[^/]+)\/\.cache\/pip\//, fix: 'pip install --no-cache-dir' },
  { name: 'npm cache', dir: /^\/(root|home\/[^/]+)\/\.npm\/_cacache\//, fix: 'npm cache clean --force, or a BuildKit cache mount' },
  { name: 'yarn cache', dir: /^\/(usr\/local\/share|root|home\/[^/]+)\/\.cache\/yarn\//, fix: 'yarn cache clean' },
];

const meta: CheckMeta<ImageSpec> = {
  id: 'IMG-014',
  slug: 'package-manager-caches',
  target: 'image',
  title: 'Package-manager cache left in the image',
  severity: 'LOW',
  rationale:
    'Package indexes and downloaded packages are only needed while installing. Left in a layer they add size to every pull, and stale indexes make later installs in derived images use outdated package versions.',
  remediation: 'Clean the cache in the same RUN step that fills it (a later `rm` only hides the files): `apt-get clean && rm -rf /var/lib/apt/lists/*`, `apk add --no-cache`, `dnf clean all`, `pip install --no-cache-dir`, or use BuildKit cache mounts.',
  references: { dockle: 'DKL-DI-0005', hadolint: 'DL3009', urls: ['https://docs.docker.com/build/building/best-practices/#apt-get'] },
  examples: {
    bad: [{ description: 'apk index cached', input: exampleImage([{ path: 'var/cache/apk/APKINDEX.5022a8a2.tar.gz', size: 2048 }]) }],
    good: [{ description: 'Empty cache directories', input: exampleImage([{ path: 'var/cache/apk', type: 'dir' }, { path: 'var/lib/apt/lists/partial', type: 'dir' }, { path: 'var/lib/apt/lists/lock', content: '' }]) }],
  },
};

/** Reports each cache with files in it, with their count and total size. */
export const img014PackageManagerCaches: Check<ImageCheckInput> = {
  meta,
  run(input) {
    const found = new Map<string, { rule: CacheRule; dir: string; files: number; bytes: number; layer: number }>();
    for (const [path, fe] of input.files) {
      if (fe.entry.type !== 'file') continue;
      for (const rule of CACHE_RULES) {
        const m = rule.dir.exec(path);
        if (!m || rule.ignore?.test(path)) continue;
        const key = `${rule.name}\0${m[0]}`;
        const f = found.get(key) ?? { rule, dir: m[0].replace(/\/$/, ''), files: 0, bytes: 0, layer: fe.layer };
        f.files++;
        f.bytes += fe.entry.size;
        f.layer = Math.max(f.layer, fe.layer);
        found.set(key, f);
        break;
      }
    }
    return [...found.values()].map((f) => ({
      message: `${f.rule.name}: ${f.files} file${f.files === 1 ? '' : 's'} (${formatBytes(f.bytes)}) in ${f.dir}; fix with ${f.rule.fix}.`,
      location: { path: f.dir, layer: f.layer, layerCreatedBy: shortCreatedBy(input.createdBy(f.layer)) },
    }));
  },
};
