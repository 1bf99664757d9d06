/** HOST-060 (CIS 5.15): restart policy other than on-failure with at most 5 retries. */
import { hc } from './inspect.js';
import { CIS_URL, container, runtimeCheck } from './meta.js';

/** always / unless-stopped restart forever, which turns a crash-exploit into unlimited retries. */
export const restartPolicyCheck = runtimeCheck({
  id: 'HOST-060',
  slug: 'restart-policy',
  title: 'Restart policy is not on-failure with at most 5 retries',
  severity: 'LOW',
  rationale: 'A container that restarts forever lets an attacker retry an exploit indefinitely and can hide a crash loop (or a denial of service on the host). on-failure:5 limits that.',
  remediation: 'Run with `--restart on-failure:5` (or let an orchestrator handle restarts).',
  references: { cis: '5.15', urls: [CIS_URL] },
  examples: {
    bad: [{ description: 'always', input: container({ RestartPolicy: { Name: 'always', MaximumRetryCount: 0 } }) }],
    good: [{ description: 'on-failure:5', input: container() }, { description: 'No restart', input: container({ RestartPolicy: { Name: 'no', MaximumRetryCount: 0 } }) }],
  },
  test(c) {
    const p = hc(c, 'RestartPolicy') as { Name?: unknown; MaximumRetryCount?: unknown } | undefined;
    const name = typeof p?.Name === 'string' ? p.Name : '';
    if (name === 'always' || name === 'unless-stopped') return `restart policy is ${name}`;
    const n = Number(p?.MaximumRetryCount ?? 0);
    if (name === 'on-failure' && (n === 0 || n > 5)) return `restart policy on-failure with ${n === 0 ? 'unlimited' : n} retries`;
    return undefined;
  },
});
