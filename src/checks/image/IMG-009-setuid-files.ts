/** IMG-009: setuid/setgid programs that the distribution ships by default (listed, INFO). */
import type { ImageSpec } from '../../image/writer.js';
import type { Check, CheckMeta } from '../types.js';
import { exampleImage } from './example-spec.js';
import type { ImageCheckInput } from './input.js';
import { setuidFiles, setuidLabel } from './setuid.js';
import { shortCreatedBy } from './util.js';

const meta: CheckMeta<ImageSpec> = {
  id: 'IMG-009',
  slug: 'setuid-setgid-files',
  target: 'image',
  title: 'setuid/setgid programs present',
  severity: 'INFO',
  rationale:
    'setuid and setgid programs run with their owner\'s privileges whatever user starts them, so each is a privilege-escalation path for a compromised process. The ones listed here are installed with these bits by the distribution (passwd, su, mount …): expected, but rarely needed at run time. Others are reported by IMG-010.',
  remediation: 'Remove the bits in the image when the programs are not needed: `RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} +`, or run with `--security-opt no-new-privileges`.',
  references: { cis: '4.8', dockle: 'CIS-DI-0008' },
  examples: {
    bad: [{ description: 'passwd is setuid root', input: exampleImage([{ path: 'usr/bin/passwd', content: 'passwd binary', mode: 0o4755 }]) }],
    good: [{ description: 'Bits removed', input: exampleImage([{ path: 'usr/bin/passwd', content: 'passwd binary', mode: 0o755 }]) }],
  },
};

/** Lists the distribution-default setuid/setgid files, one hit each. */
export const img009SetuidSetgidFiles: Check<ImageCheckInput> = {
  meta,
  run(input) {
    return setuidFiles(input)
      .filter((f) => f.distro)
      .map((f) => ({
        message: `${f.path} is ${setuidLabel(f.mode)} (mode ${f.mode.toString(8)}).`,
        location: { path: f.path, layer: f.layer, layerCreatedBy: shortCreatedBy(input.createdBy(f.layer)) },
      }));
  },
};
