/** `bulwark config <path…>` (Dockerfiles, compose, Kubernetes) and `bulwark host` (CIS Docker Benchmark). */
import type { Command } from 'commander';
import { scanConfigPaths } from '../../app/config-scan.js';
import { loadIgnoreRules } from '../../app/vuln-scan.js';
import { scanHost } from '../../checks/host/scan.js';
import type { ConfigFinding } from '../../checks/types.js';
import { configJson, configSarif, configTable, type ConfigReport } from '../../report/config-report.js';
import { BulwarkError } from '../../shared/errors.js';
import { writeOutput } from '../common.js';

interface ConfigFlags {
  format?: string;
  output?: string;
  exitCode?: string;
  severity?: string;
  ignorefile?: string;
  quiet?: boolean;
  root?: string;
  inspect?: string;
}

const LEVELS = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];

function filterSeverity(findings: ConfigFinding[], s?: string): ConfigFinding[] {
  if (!s) return findings;
  const want = s.split(',').map((x) => x.trim().toUpperCase());
  for (const w of want) if (!LEVELS.includes(w)) throw new BulwarkError('USAGE', `unknown severity ${JSON.stringify(w)} (use ${LEVELS.join(', ')})`);
  return findings.filter((f) => want.includes(f.severity));
}

async function emit(report: ConfigReport, flags: ConfigFlags): Promise<number> {
  const format = flags.format ?? 'table';
  if (!['table', 'json', 'sarif'].includes(format)) throw new BulwarkError('USAGE', `unknown format ${JSON.stringify(format)} (use table, json, sarif)`);
  const exitCode = Number(flags.exitCode ?? '0');
  if (!Number.isInteger(exitCode) || exitCode < 0 || exitCode > 255) throw new BulwarkError('USAGE', `--exit-code must be 0-255`);
  report.findings = filterSeverity(report.findings, flags.severity);
  if (!flags.quiet) for (const w of report.warnings) process.stderr.write(`warning: ${w}\n`);
  await writeOutput(format === 'json' ? configJson(report) : format === 'sarif' ? configSarif(report) : configTable(report), flags.output);
  return exitCode && report.findings.some((f) => f.severity !== 'INFO') ? exitCode : 0;
}

function common(cmd: Command): Command {
  return cmd
    .option('-f, --format <format>', 'table | json | sarif', 'table')
    .option('-o, --output <file>', 'write the report to a file')
    .option('-s, --severity <list>', 'only these severities, e.g. CRITICAL,HIGH')
    .option('--exit-code <n>', 'exit with this code when any non-INFO finding remains', '0')
    .option('--ignorefile <file>', 'YAML ignore file (default ./.bulwarkignore.yaml when present)')
    .option('-q, --quiet', 'no warnings on stderr');
}

export function registerConfigCommands(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  common(program.command('config <paths...>').description('check Dockerfiles, docker-compose files and Kubernetes manifests (files or directories)')).action((paths: string[], flags: ConfigFlags) =>
    run(async () => {
      const rules = await loadIgnoreRules(flags.ignorefile);
      const r = await scanConfigPaths(paths, rules);
      return emit({ targets: r.scanned.length ? r.scanned : paths, findings: r.findings, suppressed: r.suppressed, warnings: r.warnings }, flags);
    }),
  );
  common(
    program
      .command('host')
      .description('check a Docker host against the CIS Docker Benchmark 1.6 (sections 1-3 and 5), read-only')
      .option('--root <dir>', 'root directory of the host to check', '/')
      .option('--inspect <file>', '`docker inspect` JSON of running containers, for the runtime checks'),
  ).action((flags: ConfigFlags) =>
    run(async () => {
      const rules = await loadIgnoreRules(flags.ignorefile);
      const r = await scanHost({ root: flags.root, inspectFile: flags.inspect, rules });
      return emit({ targets: [flags.root ?? '/'], findings: r.findings, suppressed: r.suppressed, warnings: r.warnings }, flags);
    }),
  );
}
