/**
 * IMG-023: sensitive files in the image: .git directories, .env files, private keys and credential files
 * that hold a credential (.npmrc token, .docker/config.json auths, .aws/credentials, .pypirc, .git-credentials),
 * including copies that a later layer deleted, since the earlier layer still ships them.
 */
import type { ImageSpec } from '../../image/writer.js';
import type { Check, CheckHit, CheckMeta } from '../types.js';
import { exampleImage } from './example-spec.js';
import type { ImageCheckInput } from './input.js';
import { shortCreatedBy } from './util.js';

const ENV_FILE = /^\.env(\.[A-Za-z0-9_-]+)?$/;
const ENV_TEMPLATE = /\.(example|sample|template|dist|defaults?|schema)$/;

const meta: CheckMeta<ImageSpec> = {
  id: 'IMG-023',
  slug: 'sensitive-files',
  target: 'image',
  title: 'Sensitive file in the image',
  severity: 'HIGH',
  rationale:
    'Everyone who can pull the image can read every file in every layer. Private keys, registry and cloud credentials, .env files and .git directories (history, remotes with tokens) leak that way; deleting them in a later layer does not help, because the earlier layer still carries them. Credential files are only reported when they actually hold a credential, and their values are never stored or shown.',
  remediation: 'Keep these files out of the build context (.dockerignore), pass build secrets with `RUN --mount=type=secret`, inject runtime secrets from the orchestrator, and generate SSH host keys at container start. Rotate any credential that was in a pushed image.',
  references: { cis: '4.10', dockle: 'CIS-DI-0010', urls: ['https://docs.docker.com/build/building/secrets/'] },
  examples: {
    bad: [
      { description: 'An .env file next to the application', input: exampleImage([{ path: 'app/.env', content: 'DATABASE_URL=postgres://app:changeme@db/app\n' }]) },
      {
        description: 'An .npmrc with a token, deleted in a later layer (still in layer 1)',
        input: exampleImage([{ path: 'root/.npmrc', content: '//registry.npmjs.org/:_authToken=fake-token-for-docs\n' }], {}, [{ createdBy: 'RUN rm /root/.npmrc', files: [{ path: 'root/.npmrc', type: 'whiteout' }] }]),
      },
    ],
    good: [
      { description: 'An .npmrc without credentials and an .env template', input: exampleImage([{ path: 'app/.npmrc', content: 'save-exact=true\n' }, { path: 'app/.env.example', content: 'DATABASE_URL=\n' }]) },
    ],
  },
};

function where(input: ImageCheckInput, path: string, layer: number): { state: string; location: CheckHit['location'] } {
  const final = input.files.get(path)?.layer === layer;
  return {
    state: final ? '' : ` (removed or replaced by a later layer, but still stored in layer ${layer + 1})`,
    location: { path, layer, layerCreatedBy: shortCreatedBy(input.createdBy(layer)) },
  };
}

/** Reports .git dirs, .env files and credential-bearing files in any layer. */
export const img023SensitiveFiles: Check<ImageCheckInput> = {
  meta,
  run(input) {
    const out: CheckHit[] = [];
    const seen = new Set<string>();
    for (const l of input.layers) {
      const t = l.files;
      for (let row = 0; row < t.length; row++) {
        const base = t.name(row);
        const type = t.type(row);
        let what: string | undefined;
        if (base === '.git' && type === 'dir') what = 'a .git directory (repository history and remotes)';
        else if (type === 'file' && t.size(row) > 0 && ENV_FILE.test(base) && !ENV_TEMPLATE.test(base)) what = 'an .env file';
        if (!what) continue;
        const path = t.path(row);
        if (seen.has(`${path}\0${l.index}`)) continue;
        seen.add(`${path}\0${l.index}`);
        const w = where(input, path, l.index);
        out.push({ message: `${path} is ${what}${w.state}.`, location: w.location });
      }
    }
    for (const c of input.layerData()) {
      if (c.data.kind !== 'credentials' || !c.data.present) continue;
      const w = where(input, c.path, c.layer);
      out.push({ message: `${c.path} holds ${c.data.what}${w.state}.`, location: w.location, evidence: 'value not shown' });
    }
    return out;
  },
};
