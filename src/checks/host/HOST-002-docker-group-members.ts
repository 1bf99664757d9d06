/** HOST-002 (CIS 1.1.2): members of the docker group. */
import type { Check } from '../types.js';
import type { HostCheckInput } from './input.js';
import { CIS_URL } from './meta.js';

/** Informational: the benchmark asks for a review of who is in the group, not for it to be empty. */
export const dockerGroupMembersCheck: Check<HostCheckInput> = {
  meta: {
    id: 'HOST-002',
    slug: 'docker-group-members',
    target: 'host',
    title: 'Users in the docker group (root-equivalent)',
    severity: 'INFO',
    rationale: 'Members of the docker group can use the Docker socket, which means they can start a privileged container and become root on the host. Membership should be limited to trusted administrators.',
    remediation: 'Review the members; remove anyone who does not need root on this host (`gpasswd -d <user> docker`). Consider rootless Docker for developers.',
    references: { cis: '1.1.2', urls: [CIS_URL] },
    examples: {
      bad: [{ description: 'Two users in the docker group', input: { files: { '/etc/group': { content: 'root:x:0:\ndocker:x:999:alice,ci-runner\n' } } } }],
      good: [{ description: 'No members', input: { files: { '/etc/group': { content: 'root:x:0:\ndocker:x:999:\n' } } } }],
    },
  },
  run(input) {
    const text = input.fs.read('/etc/group') ?? '';
    for (const [i, line] of text.split('\n').entries()) {
      const [name, , , members = ''] = line.split(':');
      if (name !== 'docker') continue;
      const list = members.split(',').map((m) => m.trim()).filter(Boolean);
      if (list.length) return [{ message: `docker group members (root-equivalent): ${list.join(', ')}`, location: { path: '/etc/group', line: i + 1 } }];
    }
    return [];
  },
};
