/** HOST-017 (CIS 2.12): no authorization plugin. */
import { listSetting } from './daemon.js';
import { CIS_URL, daemonCheck, daemonJson } from './meta.js';

/** Informational on most hosts: access to the socket is all-or-nothing without one. */
export const authorizationPluginCheck = daemonCheck({
  id: 'HOST-017',
  slug: 'authorization-plugin',
  title: 'No authorization plugin controls Docker API access',
  severity: 'LOW',
  rationale: 'Without an authorization plugin, anyone who can reach the Docker socket or API can do everything, including starting privileged containers.',
  remediation: 'Where several users or tools share the daemon, configure an authorization plugin (`"authorization-plugins": ["…"]`), e.g. Open Policy Agent\'s opa-docker-authz.',
  references: { cis: '2.12', urls: [CIS_URL, 'https://docs.docker.com/engine/extend/plugins_authorization/'] },
  examples: { bad: [{ description: 'None', input: daemonJson({}) }], good: [{ description: 'opa-docker-authz', input: daemonJson({ 'authorization-plugins': ['opa-docker-authz'] }) }] },
  test: (d) => (listSetting(d, 'authorization-plugins').length ? undefined : { key: 'authorization-plugins', message: 'no authorization plugin is configured' }),
});
