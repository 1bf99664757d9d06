/** HOST-058 (CIS 5.22): seccomp disabled for a container. */
import { securityOpts } from './inspect.js';
import { CIS_URL, container, runtimeCheck } from './meta.js';

/** Only the explicit opt-out; the default profile applies otherwise. */
export const seccompUnconfinedCheck = runtimeCheck({
  id: 'HOST-058',
  slug: 'seccomp-unconfined',
  title: 'Container runs without seccomp',
  severity: 'HIGH',
  rationale: 'Docker\'s default seccomp profile blocks system calls used by many kernel exploits and container escapes; `seccomp=unconfined` removes it.',
  remediation: 'Remove `--security-opt seccomp=unconfined`; if a system call is needed, use a custom profile that allows just it.',
  references: { cis: '5.22', urls: [CIS_URL] },
  examples: { bad: [{ description: 'unconfined', input: container({ SecurityOpt: ['no-new-privileges:true', 'seccomp=unconfined'] }) }], good: [{ description: 'Default profile', input: container() }] },
  test: (c) => (securityOpts(c).some((o) => /^seccomp[=:]unconfined$/.test(o)) ? 'seccomp is disabled (seccomp=unconfined)' : undefined),
});
