/** HOST-062 (CIS 5.27): no health check. */
import { CIS_URL, container, runtimeCheck } from './meta.js';

/** Config.Healthcheck includes the image's HEALTHCHECK; Test ["NONE"] disables it. */
export const noHealthcheckCheck = runtimeCheck({
  id: 'HOST-062',
  slug: 'no-healthcheck',
  title: 'Container has no health check',
  severity: 'LOW',
  rationale: 'Without a health check, a hung or hijacked service keeps running as "up"; Docker and orchestrators cannot notice and replace it.',
  remediation: 'Add a HEALTHCHECK to the image or run with `--health-cmd`.',
  references: { cis: '5.27', urls: [CIS_URL] },
  examples: { bad: [{ description: 'None', input: container({}, { Config: { User: '10001' } }) }], good: [{ description: 'Has one', input: container() }] },
  test(c) {
    const t = c.Config?.Healthcheck?.Test;
    return Array.isArray(t) && t.length && t[0] !== 'NONE' ? undefined : 'no health check';
  },
});
