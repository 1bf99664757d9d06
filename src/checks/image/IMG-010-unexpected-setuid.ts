/** IMG-010: setuid/setgid files that no distribution ships with those bits. */
import type { ImageSpec } from '../../image/writer.js';
import type { Check, CheckMeta } from '../types.js';
import { exampleImage } from './example-spec.js';
import type { ImageCheckInput } from './input.js';
import { setuidFiles, setuidLabel } from './setuid.js';
import { shortCreatedBy } from './util.js';

const meta: CheckMeta<ImageSpec> = {
  id: 'IMG-010',
  slug: 'unexpected-setuid-files',
  target: 'image',
  title: 'Unexpected setuid/setgid file',
  severity: 'MEDIUM',
  rationale:
    'A setuid or setgid file that is not one of the programs distributions ship that way (passwd, su, mount …) was usually added by the image build: a copied binary, a `chmod u+s` on a shell or interpreter, or a vendor tool. Each runs with its owner\'s privileges for any user.',
  remediation: 'Remove the bit (`chmod u-s,g-s <file>`) or the file; if the program really needs privileges, grant a specific capability instead.',
  references: { cis: '4.8', dockle: 'CIS-DI-0008' },
  examples: {
    bad: [{ description: 'A setuid copy of a shell', input: exampleImage([{ path: 'usr/local/bin/rootsh', content: 'sh binary', mode: 0o4755 }]) }],
    good: [
      { description: 'The distribution\'s own setuid su (reported as INFO by IMG-009)', input: exampleImage([{ path: 'bin/su', content: 'su binary', mode: 0o4755 }]) },
    ],
  },
};

/** Reports setuid/setgid files whose name is not a known distribution default. */
export const img010UnexpectedSetuidFiles: Check<ImageCheckInput> = {
  meta,
  run(input) {
    return setuidFiles(input)
      .filter((f) => !f.distro)
      .map((f) => ({
        message: `${f.path} is ${setuidLabel(f.mode)} (mode ${f.mode.toString(8)}) and is not a program distributions ship that way.`,
        location: { path: f.path, layer: f.layer, layerCreatedBy: shortCreatedBy(input.createdBy(f.layer)) },
      }));
  },
};
