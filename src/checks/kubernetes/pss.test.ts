/** podSecurityBaseline against the PSS baseline controls. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { podSecurityBaseline } from './pss.js';

describe('podSecurityBaseline', () => {
  it('admits a default pod', () => {
    assert.deepEqual(podSecurityBaseline({ containers: [{ name: 'a', image: 'x' }] }), []);
  });

  it('admits allowed values', () => {
    const spec = {
      securityContext: { seccompProfile: { type: 'RuntimeDefault' }, sysctls: [{ name: 'net.ipv4.tcp_syncookies', value: '1' }], seLinuxOptions: { type: 'container_t', level: 's0:c1,c2' } },
      containers: [{ name: 'a', securityContext: { capabilities: { add: ['NET_BIND_SERVICE', 'CAP_CHOWN'] }, procMount: 'Default' }, ports: [{ containerPort: 80, hostPort: 0 }] }],
    };
    assert.deepEqual(podSecurityBaseline(spec, { annotations: { 'container.apparmor.security.beta.kubernetes.io/a': 'runtime/default' } }), []);
  });

  it('reports every baseline control', () => {
    const spec = {
      hostNetwork: true,
      hostPID: true,
      hostIPC: true,
      volumes: [{ name: 'h', hostPath: { path: '/' } }],
      securityContext: { sysctls: [{ name: 'kernel.msgmax' }], seccompProfile: { type: 'Unconfined' } },
      containers: [{
        name: 'a',
        ports: [{ hostPort: 8080 }],
        securityContext: {
          privileged: true,
          capabilities: { add: ['SYS_ADMIN', 'NET_RAW'] },
          procMount: 'Unmasked',
          appArmorProfile: { type: 'Unconfined' },
          seLinuxOptions: { type: 'spc_t', user: 'system_u' },
          windowsOptions: { hostProcess: true },
        },
      }],
      ephemeralContainers: [{ name: 'dbg', securityContext: { privileged: true } }],
    };
    const v = podSecurityBaseline(spec, { annotations: { 'container.apparmor.security.beta.kubernetes.io/a': 'unconfined' } });
    const controls = new Set(v.map((x) => x.control));
    for (const c of ['Host Namespaces', 'HostPath Volumes', 'Sysctls', 'Seccomp', 'Host Ports', 'Privileged Containers', 'Capabilities', '/proc Mount Type', 'AppArmor', 'SELinux', 'HostProcess']) {
      assert.ok(controls.has(c), c);
    }
    assert.ok(v.some((x) => x.field === 'spec.ephemeralContainers[0].securityContext.privileged'));
    assert.equal(v.filter((x) => x.control === 'Capabilities').length, 2);
  });
});
