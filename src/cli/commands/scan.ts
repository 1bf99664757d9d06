/** `bulwark image`, `bulwark rootfs` and `bulwark sbom-scan`: vulnerability scans with gating. */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { assembleReport, parseScanners, scanAnalyzers } from '../../app/full-scan.js';
import { scanImage, scanRootfs, type Inventory, type ScanResult } from '../../app/inventory.js';
import { eolNote, extraSections } from '../../report/extra-sections.js';
import { renderSarif } from '../../report/sarif.js';
import type { ScanReport } from '../../report/types.js';
import { renderVulnJson } from '../../report/vuln-json.js';
import { renderVulnTable } from '../../report/vuln-table.js';
import { cyclonedxWithVulnerabilities } from '../../sbom/cyclonedx-vulns.js';
import { readSbom } from '../../sbom/read-sbom.js';
import { BulwarkError } from '../../shared/errors.js';
import { SEVERITIES, type Severity } from '../../vuln/match/types.js';
import { addScanFlags, scanOptions, writeOutput, type GlobalFlags } from '../common.js';

const FORMATS = ['table', 'json', 'sarif', 'cyclonedx'] as const;
type Format = (typeof FORMATS)[number];

export interface VulnFlags extends GlobalFlags {
  severity?: string;
  exitCode?: string;
  ignoreUnfixed?: boolean;
  ignorefile?: string;
  vex?: string[];
  osManagedUpstream?: boolean;
  scanners?: string;
}

function parseSeverities(s: string | undefined): Severity[] | undefined {
  if (!s) return undefined;
  const out = s.split(',').map((x) => x.trim().toUpperCase()).filter(Boolean);
  for (const x of out) if (!(SEVERITIES as string[]).includes(x)) throw new BulwarkError('USAGE', `unknown severity ${JSON.stringify(x)} (use ${SEVERITIES.join(', ')})`);
  return out as Severity[];
}

function parseExitCode(s: string | undefined): number {
  if (s === undefined) return 0;
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0 || n > 255) throw new BulwarkError('USAGE', `--exit-code must be 0-255, got ${JSON.stringify(s)}`);
  return n;
}

function checkFormat(f: string | undefined): Format {
  const v = (f ?? 'table') === 'cyclonedx-json' ? 'cyclonedx' : f ?? 'table';
  if (!(FORMATS as readonly string[]).includes(v)) throw new BulwarkError('USAGE', `unknown format ${JSON.stringify(f)} (use ${FORMATS.join(', ')})`);
  return v as Format;
}

function render(format: Format, report: ScanReport): string {
  switch (format) {
    case 'json':
      return renderVulnJson(report);
    case 'sarif':
      return renderSarif(report);
    case 'cyclonedx': {
      const suppressed = (report.suppressed ?? []).flatMap((s) => (s.finding && s.by !== 'inline' ? [{ finding: s.finding, by: s.by, reason: s.reason }] : []));
      return JSON.stringify(cyclonedxWithVulnerabilities(report.inventory, report.findings, suppressed), null, 2) + '\n';
    }
    default:
      return renderVulnTable(report, { color: process.stdout.isTTY === true && !process.env.NO_COLOR, osNote: eolNote(report.eol), sections: extraSections(report) });
  }
}

function hasFindings(r: ScanReport): boolean {
  return r.findings.length > 0 || (r.configFindings ?? []).some((f) => f.severity !== 'INFO') || (r.secrets ?? []).length > 0;
}

async function runScan(getScan: () => Promise<ScanResult>, flags: VulnFlags, reference: string, configDir?: string): Promise<number> {
  const format = checkFormat(flags.format);
  const severities = parseSeverities(flags.severity);
  const exitCode = parseExitCode(flags.exitCode);
  const scanners = parseScanners(flags.scanners);
  const scan = await getScan();
  const report = await assembleReport(scan, {
    scanners,
    reference,
    cacheDir: flags.cacheDir,
    severities,
    ignoreUnfixed: flags.ignoreUnfixed,
    ignoreFile: flags.ignorefile,
    vex: flags.vex,
    osManagedUpstream: flags.osManagedUpstream,
    configPaths: configDir ? [configDir] : undefined,
  });
  if (!flags.quiet) for (const w of report.warnings) process.stderr.write(`warning: ${w}\n`);
  await writeOutput(render(format, report), flags.output);
  return exitCode && hasFindings(report) ? exitCode : 0;
}

function addVulnFlags(cmd: Command): Command {
  return cmd
    .option('-f, --format <format>', FORMATS.join(' | '), 'table')
    .option('-s, --severity <list>', 'only these severities, e.g. CRITICAL,HIGH')
    .option('--exit-code <n>', 'exit with this code when any finding remains after filtering', '0')
    .option('--ignore-unfixed', 'drop findings that have no fixed version yet')
    .option('--ignorefile <file>', `YAML ignore file (default ./.bulwarkignore.yaml when present)`)
    .option('--vex <file>', 'OpenVEX or CycloneDX VEX document (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--os-managed-upstream', 'also match OS-managed language packages against upstream advisories')
    .option('--scanners <list>', 'which scanners run: vuln,config,secret (default all)');
}

export function registerScanCommands(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  addVulnFlags(addScanFlags(program.command('image <ref>').description('scan an image for vulnerabilities (archive, OCI layout or registry reference)'))).action(
    (ref: string, flags: VulnFlags) => run(() => runScan(() => scanImage(ref, { ...scanOptions(flags), extraAnalyzers: scanAnalyzers(true) }), flags, ref)),
  );
  addVulnFlags(addScanFlags(program.command('rootfs <dir>').description('scan a root filesystem directory for vulnerabilities'))).action((dir: string, flags: VulnFlags) =>
    run(() => runScan(() => scanRootfs(dir, { ...scanOptions(flags), extraAnalyzers: scanAnalyzers(false) }), flags, dir)),
  );
  addVulnFlags(addScanFlags(program.command('fs <dir>').description('scan a source or build directory: vulnerabilities in lockfiles, secrets, Dockerfile/compose/Kubernetes files'))).action(
    (dir: string, flags: VulnFlags) => run(() => runScan(() => scanRootfs(dir, { ...scanOptions(flags), extraAnalyzers: scanAnalyzers(false) }), flags, dir, dir)),
  );
  addVulnFlags(
    program
      .command('sbom-scan <file>')
      .description('scan a CycloneDX or SPDX JSON SBOM (Bulwark, Trivy, Syft …) for vulnerabilities')
      .option('--cache-dir <dir>', 'cache directory (holds the advisory database)')
      .option('-q, --quiet', 'no warnings on stderr')
      .option('-o, --output <file>', 'write the report to a file'),
  ).action((file: string, flags: VulnFlags) =>
    run(() => runScan(() => sbomScanResult(file), { ...flags, scanners: flags.scanners ?? 'vuln' }, file)),
  );
}

/** An SBOM file as a scan result: packages and OS only (no layers, no files). */
async function sbomScanResult(file: string): Promise<ScanResult> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch {
    throw new BulwarkError('NOT_FOUND', `${file}: cannot read the SBOM`);
  }
  const sbom = readSbom(buf, file);
  const inventory: Inventory = {
    target: { kind: 'rootfs', reference: file, name: sbom.target.name, repoTags: [], repoDigests: [] },
    config: {},
    os: sbom.os,
    layers: [],
    packages: sbom.packages,
    warnings: sbom.warnings,
  };
  return { inventory, layers: [], squashed: { files: new Map(), outputs: [], history: new Map() } };
}
