/** CMP-009: security_opt disabling seccomp, AppArmor or SELinux confinement. */
import { fieldRule, itemsOf, type ComposeMeta } from './rule.js';

const meta: ComposeMeta = {
  id: 'CMP-009',
  slug: 'unconfined-security-opt',
  target: 'compose',
  title: 'Seccomp, AppArmor or SELinux confinement disabled',
  severity: 'HIGH',
  rationale:
    '`seccomp:unconfined` re-enables the ~50 syscalls Docker blocks by default (kernel keyring, module loading, clock, unshare…), a large share of container-escape kernel bugs; `apparmor:unconfined` and `label:disable` drop the MAC policy that confines file and mount access; `systempaths=unconfined` unmasks /proc and /sys paths.',
  remediation: 'Remove the option. If one syscall or permission is missing, ship a custom seccomp or AppArmor profile that allows just that.',
  references: { cis: '5.1, 5.2, 5.21', urls: ['https://docs.docker.com/engine/security/seccomp/', 'https://docs.docker.com/reference/compose-file/services/#security_opt'] },
  examples: {
    bad: [{ description: 'Seccomp and AppArmor off', input: 'services:\n  app:\n    image: example/app:1\n    security_opt:\n      - seccomp:unconfined\n      - apparmor=unconfined\n' }],
    good: [{ description: 'Hardening options', input: 'services:\n  app:\n    image: example/app:1\n    security_opt:\n      - no-new-privileges:true\n      - seccomp:./seccomp.json\n' }],
  },
};

const UNCONFINED = /^(seccomp|apparmor)[:=]unconfined$|^label[:=]disable$|^systempaths=unconfined$/i;

export const unconfinedSecurityOpt = fieldRule(meta, 'security_opt', (f) =>
  itemsOf(f)
    .filter((it) => UNCONFINED.test(String(it.value).replace(/\s+/g, '')))
    .map((it): [number, string] => [it.line, `security_opt ${String(it.value)} disables confinement`]),
);
