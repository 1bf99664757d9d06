/** CMP-007: user: root (explicitly). */
import { fieldRule, type ComposeMeta } from './rule.js';

const meta: ComposeMeta = {
  id: 'CMP-007',
  slug: 'root-user',
  target: 'compose',
  title: 'Service explicitly runs as root',
  severity: 'MEDIUM',
  rationale:
    '`user: root` (or `0`, `0:0`) overrides the image\'s USER and runs the service as root, so a compromise is root in the container and close to root on the host. Services that set no `user` are not reported: they run as the image\'s USER, which the Dockerfile (DF-001) and image (IMG-) checks judge; reporting every such service would flag nearly every compose file.',
  remediation: 'Remove `user: root`, or set an unprivileged UID: `user: "10001:10001"`.',
  references: { cis: '4.1', urls: ['https://docs.docker.com/reference/compose-file/services/#user'] },
  examples: {
    bad: [{ description: 'Explicit root', input: 'services:\n  app:\n    image: example/app:1\n    user: "0:0"\n' }],
    good: [{ description: 'Unprivileged UID', input: 'services:\n  app:\n    image: example/app:1\n    user: "10001:10001"\n' }],
  },
};

export const rootUser = fieldRule(meta, 'user', (f) => (/^(root|0)(:.*)?$/.test(String(f.value).trim()) ? [[f.line, `user: ${String(f.value)} runs the service as root`]] : []));
