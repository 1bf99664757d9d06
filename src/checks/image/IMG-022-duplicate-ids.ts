/** IMG-022: duplicate UIDs in /etc/passwd or duplicate GIDs in /etc/group. */
import type { ImageSpec } from '../../image/writer.js';
import type { Check, CheckHit, CheckMeta } from '../types.js';
import { exampleImage } from './example-spec.js';
import type { ImageCheckInput } from './input.js';
import { fileLocation, parseGroup, parsePasswd } from './util.js';

const meta: CheckMeta<ImageSpec> = {
  id: 'IMG-022',
  slug: 'duplicate-ids',
  target: 'image',
  title: 'Duplicate UID or GID',
  severity: 'MEDIUM',
  rationale:
    'The kernel only knows numbers: two accounts with the same UID are the same user, so an innocuous-looking name can hold root\'s (or another service\'s) privileges and file ownership, and audit logs name the wrong account.',
  remediation: 'Give every account and group a unique id (useradd/groupadd without -o), and remove accounts added by copying /etc/passwd lines.',
  references: { dockle: 'DKL-LI-0002' },
  examples: {
    bad: [{ description: 'A second account with uid 0', input: exampleImage([{ path: 'etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\nbackup:x:0:0::/root:/bin/sh\n' }]) }],
    good: [{ description: 'Unique ids', input: exampleImage([{ path: 'etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/app:/sbin/nologin\n' }, { path: 'etc/group', content: 'root:x:0:\napp:x:1000:\n' }]) }],
  },
};

function duplicates(items: { name: string; id: number }[]): Map<number, string[]> {
  const by = new Map<number, string[]>();
  for (const i of items) by.set(i.id, [...(by.get(i.id) ?? []), i.name]);
  return new Map([...by].filter(([, names]) => names.length > 1));
}

/** Reports each UID and GID shared by more than one name. */
export const img022DuplicateIds: Check<ImageCheckInput> = {
  meta,
  run(input) {
    const out: CheckHit[] = [];
    const passwd = input.readText('/etc/passwd');
    if (passwd) {
      for (const [id, names] of duplicates(parsePasswd(passwd).map((e) => ({ name: e.name, id: e.uid })))) {
        out.push({ message: `UID ${id} is shared by ${names.join(', ')}.`, location: fileLocation(input, '/etc/passwd') });
      }
    }
    const group = input.readText('/etc/group');
    if (group) {
      for (const [id, names] of duplicates(parseGroup(group).map((e) => ({ name: e.name, id: e.gid })))) {
        out.push({ message: `GID ${id} is shared by ${names.join(', ')}.`, location: fileLocation(input, '/etc/group') });
      }
    }
    return out;
  },
};
