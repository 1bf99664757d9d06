/**
 * `bulwark policy check <ref> --policy FILE` (may this image ship?) and `bulwark policy validate FILE`.
 * Exit codes: 0 pass (or valid), 1 or --exit-code N on violations, 2 invalid policy or usage,
 * then the usual 3 bad input, 4 registry, 6 advisory database.
 */
import type { Command } from 'commander';
import { imageChecks } from '../../checks/image/registry.js';
import { namesCheck } from '../../policy/rules/checks.js';
import { configuredRules, evaluatePolicy, gatherFacts, loadPolicy, policyJsonSchema, renderPolicyJson, renderPolicySarif, renderPolicyText, type Policy, type PolicyReport } from '../../policy/index.js';
import { BulwarkError } from '../../shared/errors.js';
import { addScanFlags, scanOptions, writeOutput, type GlobalFlags } from '../common.js';

const FORMATS = ['table', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

interface PolicyFlags extends GlobalFlags {
  policy?: string;
  exitCode?: string;
  reference?: string;
  vex?: string[];
  ignorefile?: string;
  trustedRoot?: string;
  offline?: boolean;
}

function checkFormat(f: string | undefined): Format {
  const v = f ?? 'table';
  if (!(FORMATS as readonly string[]).includes(v)) throw new BulwarkError('USAGE', `unknown format ${JSON.stringify(f)} (use ${FORMATS.join(', ')})`);
  return v as Format;
}

function parseExitCode(s: string | undefined): number {
  if (s === undefined) return 1;
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0 || n > 255) throw new BulwarkError('USAGE', `--exit-code must be 0-255, got ${JSON.stringify(s)}`);
  return n;
}

/** Warnings about mustPass patterns that name no known image check. */
export function unknownCheckWarnings(policy: Policy): string[] {
  const out: string[] = [];
  for (const p of policy.rules.checks?.mustPass ?? []) {
    if (!imageChecks.some((c) => namesCheck(p, { checkId: c.meta.id, slug: c.meta.slug }))) out.push(`rules.checks.mustPass: ${JSON.stringify(p)} names no known image check (IDs IMG-…, or slugs such as ${imageChecks[1]?.meta.slug ?? 'ssh-server-installed'})`);
  }
  return out;
}

async function runCheck(ref: string, flags: PolicyFlags): Promise<number> {
  const format = checkFormat(flags.format);
  const failCode = parseExitCode(flags.exitCode);
  if (!flags.policy) throw new BulwarkError('USAGE', 'policy check needs --policy <file>');
  const loaded = await loadPolicy(flags.policy);
  const scan = scanOptions(flags);
  const gathered = await gatherFacts(ref, loaded.policy, { scan, cacheDir: flags.cacheDir, vex: flags.vex, ignoreFile: flags.ignorefile, reference: flags.reference, verify: { trustedRootPath: flags.trustedRoot, offline: flags.offline } });
  const result = evaluatePolicy(loaded.policy, gathered.facts);
  const report: PolicyReport = {
    result,
    facts: gathered.facts,
    policyFile: flags.policy,
    policyName: loaded.policy.metadata?.name,
    ran: gathered.ran,
    warnings: [...loaded.warnings, ...unknownCheckWarnings(loaded.policy), ...gathered.warnings],
  };
  if (format !== 'table' && !flags.quiet) for (const w of [...report.warnings, ...result.warnings]) process.stderr.write(`warning: ${w}\n`);
  const text = format === 'json' ? renderPolicyJson(report) : format === 'sarif' ? renderPolicySarif(report) : renderPolicyText(report);
  await writeOutput(text, flags.output);
  return result.pass ? 0 : failCode;
}

async function runValidate(file: string, flags: { quiet?: boolean }): Promise<number> {
  const loaded = await loadPolicy(file);
  const warnings = [...loaded.warnings, ...unknownCheckWarnings(loaded.policy)];
  const rules = configuredRules(loaded.policy);
  const n = loaded.policy.exceptions?.length ?? 0;
  if (!flags.quiet) for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  await writeOutput(`${file}: valid (rules: ${rules.join(', ') || 'none'}; ${n} exception${n === 1 ? '' : 's'})\n`);
  return 0;
}

/** Registers `policy check`, `policy validate` and `policy schema`. */
export function registerPolicyCommands(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  const policy = program.command('policy').description('decide whether an image may ship, from one policy file shared by CI and admission');
  addScanFlags(
    policy
      .command('check <ref>')
      .description('evaluate an image (registry reference, archive or OCI layout) against a policy; exit 1 (or --exit-code) on violations, 2 on an invalid policy')
      .option('-p, --policy <file>', 'the policy file (apiVersion: bulwark.dev/v1, kind: Policy)')
      .option('-f, --format <format>', FORMATS.join(' | '), 'table')
      .option('--exit-code <n>', 'exit with this code when the policy fails', '1')
      .option('--reference <name>', 'the name the image is deployed under (for archives and layouts, or to evaluate as a digest-pinned name)')
      .option('--vex <file>', 'OpenVEX or CycloneDX VEX document applied before the vulnerability rule (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
      .option('--ignorefile <file>', 'ignore file applied before the vulnerability rule (default ./.bulwarkignore.yaml when present)')
      .option('--trusted-root <file>', 'Sigstore trusted_root.json for signature rules (private deployments, offline)')
      .option('--offline', 'signature rules: no TUF refresh (use --trusted-root or the embedded public-good root)'),
  ).action((ref: string, flags: PolicyFlags) => run(() => runCheck(ref, flags)));
  policy
    .command('validate <file>')
    .description('validate a policy file (exit 0 when valid, 2 with one line naming the problem)')
    .option('-q, --quiet', 'no warnings on stderr')
    .action((file: string, flags: { quiet?: boolean }) => run(() => runValidate(file, flags)));
  policy
    .command('schema')
    .description('print the JSON Schema of policy files (also docs/schemas/policy-v1.schema.json)')
    .action(() => run(async () => {
      await writeOutput(JSON.stringify(policyJsonSchema(), null, 2) + '\n');
      return 0;
    }));
}
