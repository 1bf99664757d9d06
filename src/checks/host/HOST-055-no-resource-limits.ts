/** HOST-055 (CIS 5.11, 5.12, 5.29): no memory, CPU or PIDs limit. */
import { hc } from './inspect.js';
import { CIS_URL, container, runtimeCheck } from './meta.js';

function unset(v: unknown): boolean {
  return v === undefined || v === null || v === 0 || v === -1;
}

/** One message per container naming every missing limit. */
export const noResourceLimitsCheck = runtimeCheck({
  id: 'HOST-055',
  slug: 'no-resource-limits',
  title: 'Container has no memory, CPU or PIDs limit',
  severity: 'MEDIUM',
  rationale: 'Without limits a single container (a leak, a fork bomb, a crypto-miner) can exhaust the host\'s memory, CPU or process table and take every other container down with it.',
  remediation: 'Run with `--memory`, `--cpus` (or `--cpu-shares`) and `--pids-limit`.',
  references: { cis: '5.11, 5.12, 5.29', urls: [CIS_URL] },
  examples: { bad: [{ description: 'No limits', input: container({ Memory: 0, CpuShares: 0, PidsLimit: null }) }], good: [{ description: 'All three', input: container() }] },
  test(c) {
    const missing: string[] = [];
    if (unset(hc(c, 'Memory'))) missing.push('memory (5.11)');
    if (unset(hc(c, 'CpuShares')) && unset(hc(c, 'NanoCpus')) && unset(hc(c, 'CpuQuota'))) missing.push('CPU (5.12)');
    if (unset(hc(c, 'PidsLimit'))) missing.push('PIDs (5.29)');
    return missing.length ? `no ${missing.join(', ')} limit` : undefined;
  },
});
