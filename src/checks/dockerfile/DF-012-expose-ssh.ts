/** DF-012: EXPOSE 22. */
import { instructionRule, type DockerfileMeta } from './rule.js';

const meta: DockerfileMeta = {
  id: 'DF-012',
  slug: 'expose-ssh',
  target: 'dockerfile',
  title: 'SSH port 22 exposed',
  severity: 'MEDIUM',
  rationale: 'Exposing 22 means the image runs an SSH daemon: another privileged service, credentials or keys baked into the image, and a way around the container runtime\'s access control and audit. Use `docker exec` / `kubectl exec` instead.',
  remediation: 'Remove sshd and `EXPOSE 22`; get a shell with `docker exec -it <container> sh` or `kubectl exec`.',
  references: { trivy: 'DS-0004', urls: ['https://docs.docker.com/reference/dockerfile/#expose'] },
  examples: {
    bad: [{ description: 'SSH exposed (also in a range)', input: 'FROM debian:12\nEXPOSE 80 22/tcp\n' }],
    good: [{ description: 'Only the service port', input: 'FROM debian:12\nEXPOSE 8080/tcp\n' }],
  },
};

/** Ports and ranges of an EXPOSE word: "22", "22/tcp", "20-23/udp". */
export function portRange(word: string): [number, number] | undefined {
  const m = /^(\d{1,6})(?:-(\d{1,6}))?(?:\/\w+)?$/.exec(word);
  return m ? [Number(m[1]), Number(m[2] ?? m[1])] : undefined;
}

export const exposeSsh = instructionRule(meta, ['EXPOSE'], (ins) => {
  const ssh = ins.words.find((w) => {
    const r = portRange(w);
    return r !== undefined && r[0] <= 22 && 22 <= r[1];
  });
  return ssh ? `EXPOSE ${ssh} publishes SSH` : undefined;
});
