/** HOST-059 (CIS 5.2, 5.3): AppArmor or SELinux confinement disabled for a container. */
import { securityOpts } from './inspect.js';
import { CIS_URL, container, runtimeCheck } from './meta.js';

/** An empty AppArmorProfile is normal on SELinux hosts and is not reported. */
export const lsmDisabledCheck = runtimeCheck({
  id: 'HOST-059',
  slug: 'lsm-disabled',
  title: 'AppArmor or SELinux confinement is disabled',
  severity: 'HIGH',
  rationale: 'AppArmor (docker-default) and SELinux (container_t) stop a container from touching host files and kernel interfaces even when other layers fail. `apparmor=unconfined`, `label=disable` or an unconfined SELinux type turns that off.',
  remediation: 'Remove `--security-opt apparmor=unconfined` / `label=disable` / `label=type:spc_t`; write a custom profile if the default blocks something needed.',
  references: { cis: '5.2, 5.3', urls: [CIS_URL] },
  examples: {
    bad: [
      { description: 'AppArmor unconfined', input: container({}, { AppArmorProfile: 'unconfined' }) },
      { description: 'SELinux labels disabled', input: container({ SecurityOpt: ['no-new-privileges:true', 'label=disable'] }) },
    ],
    good: [{ description: 'docker-default profile', input: container() }],
  },
  test(c) {
    const out: string[] = [];
    const opts = securityOpts(c);
    if (c.AppArmorProfile === 'unconfined' || opts.some((o) => /^apparmor[=:]unconfined$/.test(o))) out.push('AppArmor is unconfined');
    if (opts.some((o) => /^label[=:]disable$/.test(o))) out.push('SELinux labelling is disabled');
    const type = opts.map((o) => /^label[=:]type:(.+)$/.exec(o)?.[1]).find(Boolean);
    if (type === 'spc_t' || type === 'unconfined_t') out.push(`SELinux type ${type}`);
    return out;
  },
});
