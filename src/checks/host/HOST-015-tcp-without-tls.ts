/** HOST-015 (CIS 2.7): daemon listens on TCP without TLS client verification. */
import { listSetting } from './daemon.js';
import { CIS_URL, daemonCheck, daemonJson } from './meta.js';

/** tlsverify without CA/cert/key does not start; tls alone encrypts but lets anyone connect. */
export const tcpWithoutTlsCheck = daemonCheck({
  id: 'HOST-015',
  slug: 'tcp-without-tls',
  title: 'Docker API listens on TCP without TLS client authentication',
  severity: 'CRITICAL',
  rationale: 'The Docker API is root on the host. On tcp:// without `tlsverify`, anyone who can reach the port can start a privileged container: this is how most cryptojacking of Docker hosts starts (port 2375).',
  remediation: 'Remove tcp:// hosts, or set `"tlsverify": true` with `tlscacert`, `tlscert` and `tlskey` so only clients with a certificate signed by your CA can connect. Prefer SSH (`DOCKER_HOST=ssh://…`).',
  references: { cis: '2.7', urls: [CIS_URL, 'https://docs.docker.com/engine/security/protect-access/'] },
  examples: {
    bad: [{ description: 'tcp:// without tlsverify', input: daemonJson({ hosts: ['unix:///var/run/docker.sock', 'tcp://0.0.0.0:2375'] }) }],
    good: [
      { description: 'Only the unix socket', input: daemonJson({ hosts: ['unix:///var/run/docker.sock'] }) },
      { description: 'TLS with client verification', input: daemonJson({ hosts: ['tcp://0.0.0.0:2376'], tlsverify: true, tlscacert: '/etc/docker/ca.pem', tlscert: '/etc/docker/server.pem', tlskey: '/etc/docker/server-key.pem' }) },
    ],
  },
  test(d) {
    const tcp = listSetting(d, 'hosts').filter((h) => /^tcp:\/\//i.test(h) || /^:?\d+$/.test(h) || /^\d+\.\d+\.\d+\.\d+:\d+$/.test(h));
    if (!tcp.length) return undefined;
    if (d.values.get('tlsverify')?.value === true) return undefined;
    const how = d.values.get('tls')?.value === true ? 'TLS without client verification (tlsverify)' : 'no TLS';
    return { key: 'hosts', message: `Docker API listens on ${tcp.join(', ')} with ${how}: anyone who reaches it is root on the host` };
  },
});
