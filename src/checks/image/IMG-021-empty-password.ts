/** IMG-021: accounts with an empty password in /etc/shadow (or in /etc/passwd when there is no shadow entry). */
import type { ImageSpec } from '../../image/writer.js';
import type { Check, CheckMeta } from '../types.js';
import { exampleImage } from './example-spec.js';
import type { ImageCheckInput } from './input.js';
import { fileLocation, parsePasswd } from './util.js';

const meta: CheckMeta<ImageSpec> = {
  id: 'IMG-021',
  slug: 'empty-password',
  target: 'image',
  title: 'Account with an empty password',
  severity: 'HIGH',
  rationale:
    'An empty password field means "no password": su, login or a PAM-based service lets anyone become that account without credentials. Alpine images shipped an empty root password for years (CVE-2019-5021). Locked fields ("!", "*", "!!") are fine. Only account names are kept from /etc/shadow; hashes are never stored or shown.',
  remediation: 'Lock the account (`passwd -l <user>` or `usermod -p \'!\' <user>`) in the image build.',
  references: { dockle: 'DKL-LI-0001', urls: ['https://nvd.nist.gov/vuln/detail/CVE-2019-5021'] },
  examples: {
    bad: [{ description: 'root with an empty shadow password', input: exampleImage([{ path: 'etc/shadow', content: 'root:::0:::::\nbin:!::0:::::\n', mode: 0o640 }]) }],
    good: [{ description: 'root locked', input: exampleImage([{ path: 'etc/shadow', content: 'root:!::0:::::\nbin:!::0:::::\n', mode: 0o640 }]) }],
  },
};

/** Reports each account whose password field is empty. */
export const img021EmptyPassword: Check<ImageCheckInput> = {
  meta,
  run(input) {
    const shadow = input.fileData('/etc/shadow');
    const names = new Set(shadow?.kind === 'shadow' ? shadow.emptyPassword : []);
    const hits = [...names].map((n) => ({ message: `Account ${n} has an empty password in /etc/shadow.`, location: fileLocation(input, '/etc/shadow') }));
    const passwd = input.readText('/etc/passwd');
    if (passwd) {
      for (const e of parsePasswd(passwd)) {
        if (e.password === '' && !names.has(e.name)) hits.push({ message: `Account ${e.name} has an empty password field in /etc/passwd.`, location: fileLocation(input, '/etc/passwd') });
      }
    }
    return hits;
  },
};
