/** Renders a check's docs page (docs/checks/<ID>.md) from its metadata and examples. */
import { stringify as toYaml } from 'yaml';
import type { CheckExample, CheckMeta } from './types.js';

const LANG: Record<string, string> = { dockerfile: 'dockerfile', kubernetes: 'yaml', compose: 'yaml', image: 'yaml', host: 'yaml' };

function renderExample(meta: CheckMeta, ex: CheckExample): string {
  const body = typeof ex.input === 'string' ? ex.input.trimEnd() : toYaml(ex.input, { lineWidth: 0 }).trimEnd();
  return `${ex.description}\n\n\`\`\`${typeof ex.input === 'string' ? LANG[meta.target] : 'yaml'}\n${body}\n\`\`\`\n`;
}

export function renderCheckDoc(meta: CheckMeta): string {
  const r = meta.references;
  const refs = [
    r.cis && `CIS Docker Benchmark 1.6: ${r.cis}`,
    r.dockle && `Dockle: ${r.dockle}`,
    r.hadolint && `Hadolint: ${r.hadolint}`,
    r.trivy && `Trivy: ${r.trivy}`,
    r.kubesec && `kubesec: ${r.kubesec}`,
    r.polaris && `Polaris: ${r.polaris}`,
    r.pss && `Pod Security Standards: ${r.pss}`,
    ...(r.urls ?? []),
  ].filter(Boolean);
  return [
    `# ${meta.id}: ${meta.title}`,
    '',
    `| | |`,
    `|---|---|`,
    `| ID | \`${meta.id}\` (\`${meta.slug}\`) |`,
    `| Target | ${meta.target} |`,
    `| Severity | ${meta.severity} |`,
    '',
    '## Why',
    '',
    meta.rationale.trim(),
    '',
    '## Fix',
    '',
    meta.remediation.trim(),
    '',
    '## References',
    '',
    ...(refs.length ? refs.map((x) => `- ${x}`) : ['- none']),
    '',
    '## Examples that fail',
    '',
    ...meta.examples.bad.map((e) => renderExample(meta, e)),
    '## Examples that pass',
    '',
    ...meta.examples.good.map((e) => renderExample(meta, e)),
    '## Suppressing',
    '',
    meta.target === 'dockerfile' || meta.target === 'kubernetes' || meta.target === 'compose'
      ? `Add \`# bulwark:ignore ${meta.id} <reason>\` on or above the line, or an ignore-file entry \`{id: ${meta.id}, reason: …}\`.`
      : `Add an ignore-file entry \`{id: ${meta.id}, reason: …}\` (optionally with \`path\` and \`expires\`).`,
    '',
  ].join('\n');
}
