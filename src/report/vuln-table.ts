/** Human-readable vulnerability report: header, counts, findings grouped by target, fix advice. */
import type { Inventory } from '../app/inventory.js';
import { displayFixed } from '../vuln/report-filters.js';
import type { Finding, Severity } from '../vuln/match/types.js';
import { formatCounts, sortFindings, summarize } from './summary.js';
import type { FixAdvice, ScanReport } from './types.js';

export interface VulnTableOptions {
  /** further sections (hardening, secrets) placed before the warnings */
  sections?: string[];
  /** ANSI colours for severities (pass true only when writing to a TTY) */
  color?: boolean;
  /** shown after the OS name, e.g. "end of life since 2024-06-30" (the scan decides) */
  osNote?: string;
  /** longest TITLE cell before it is cut with "…" (default 48) */
  titleWidth?: number;
}

const OS_TYPES = new Set(['deb', 'apk', 'rpm']);

const SEVERITY_COLOR: Record<Severity, string> = {
  CRITICAL: '\x1b[1;31m',
  HIGH: '\x1b[31m',
  MEDIUM: '\x1b[33m',
  LOW: '\x1b[34m',
  NEGLIGIBLE: '\x1b[90m',
  UNKNOWN: '\x1b[2m',
};
const RESET = '\x1b[0m';

/** Cuts a string to max characters, ending with "…" when cut. */
export function truncate(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : flat.slice(0, Math.max(0, max - 1)).trimEnd() + '…';
}

/**
 * A layer's history line as people read Dockerfiles: "/bin/sh -c #(nop)  CMD [..]" becomes
 * "CMD [..]", "/bin/sh -c apt-get …" becomes "RUN apt-get …", BuildKit's "# buildkit" is dropped.
 */
export function shortCreatedBy(createdBy: string, max = 40): string {
  let s = createdBy.replace(/\s+#\s*buildkit\s*$/, '').trim();
  const nop = /^\/bin\/sh -c #\(nop\)\s*/.exec(s);
  if (nop) s = s.slice(nop[0].length);
  else if (/^(RUN )?\/bin\/sh -c /.test(s)) s = 'RUN ' + s.replace(/^(RUN )?\/bin\/sh -c /, '');
  return truncate(s, max);
}

/** "3: RUN npm install …" for a layer index (0-based in, 1-based out); "" when unknown. */
export function layerLabel(inv: Inventory, index: number | undefined, max = 40): string {
  if (index === undefined) return '';
  const createdBy = inv.layers.find((l) => l.index === index)?.createdBy;
  return createdBy ? `${index + 1}: ${shortCreatedBy(createdBy, max)}` : String(index + 1);
}

/** Pads cells to column widths; colour (if any) is applied after padding so widths stay right. */
function layout(rows: string[][], headers: string[], paint?: (col: number, cell: string, padded: string) => string): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[], painted: boolean): string =>
    cells
      .map((c, i) => {
        const padded = i === cells.length - 1 ? c : c.padEnd(widths[i]!);
        return painted && paint ? paint(i, c, padded) : padded;
      })
      .join('  ')
      .trimEnd();
  return [line(headers, false), line(widths.map((w) => '-'.repeat(w)), false), ...rows.map((r) => line(r, true))].join('\n') + '\n';
}

interface Group {
  heading: string;
  findings: Finding[];
}

/** OS packages first (one group), then one group per language-package file, paths in order. */
function groupFindings(inv: Inventory, findings: Finding[]): Group[] {
  const os: Finding[] = [];
  const byPath = new Map<string, Finding[]>();
  for (const f of findings) {
    if (OS_TYPES.has(f.pkg.type)) os.push(f);
    else {
      const key = `${f.pkg.path ?? '(unknown path)'} (${f.pkg.type})`;
      byPath.set(key, [...(byPath.get(key) ?? []), f]);
    }
  }
  const groups: Group[] = [];
  if (os.length) {
    const osName = inv.os ? `${inv.os.family} ${inv.os.version}` : 'unknown OS';
    groups.push({ heading: `${inv.target.reference} (${osName})`, findings: os });
  }
  for (const key of [...byPath.keys()].sort()) groups.push({ heading: key, findings: byPath.get(key)! });
  return groups;
}

function findingRows(inv: Inventory, findings: Finding[], titleWidth: number): string[][] {
  return sortFindings(findings).map((f) => [
    f.pkg.name,
    f.installedVersion,
    displayFixed(f),
    f.severity.level,
    f.status,
    f.id,
    truncate(f.title || f.description || '', titleWidth),
    layerLabel(inv, f.pkg.layerIndex),
  ]);
}

function fixAdviceBlock(advice: FixAdvice): string {
  const head = `Fix advice: ${advice.summary}\n`;
  if (!advice.packages.length) return head;
  const rows = advice.packages.map((p) => [
    p.name,
    p.installed,
    p.recommended,
    `${p.fixes.length}: ${truncate(p.fixes.join(', '), 40)}`,
    p.path ?? '',
  ]);
  return head + '\n' + layout(rows, ['PACKAGE', 'INSTALLED', 'RECOMMENDED', 'FIXES', 'PATH']);
}

/** The header lines: target, OS (with the caller's note), package count. */
function header(report: ScanReport, opts: VulnTableOptions): string {
  const inv = report.inventory;
  const os = inv.os ? (inv.os.prettyName ?? `${inv.os.family} ${inv.os.version}`) : 'unknown';
  const t = inv.target;
  const digest = t.manifestDigest ?? t.repoDigests[0]?.split('@')[1];
  const target = [`${t.reference} (${t.kind})`, t.platform, digest && `digest ${digest.slice(0, 19)}`].filter(Boolean).join(' · ');
  return [
    `Target:   ${target}`,
    `OS:       ${os}${opts.osNote ? ` (${opts.osNote})` : ''}`,
    `Packages: ${inv.packages.length}`,
  ].join('\n');
}

/** Renders the whole report as text; plain unless opts.color. Output order is stable. */
export function renderVulnTable(report: ScanReport, opts: VulnTableOptions = {}): string {
  const inv = report.inventory;
  const titleWidth = opts.titleWidth ?? 48;
  const paint = opts.color
    ? (col: number, cell: string, padded: string): string => {
        const code = col === 3 ? SEVERITY_COLOR[cell as Severity] : undefined;
        return code ? code + padded + RESET : padded;
      }
    : undefined;
  const out: string[] = [header(report, opts), ''];
  if (!report.findings.length) out.push('No vulnerabilities found', '');
  else {
    out.push(formatCounts(summarize(report.findings)), '');
    for (const g of groupFindings(inv, report.findings)) {
      out.push(`${g.heading}: ${g.findings.length} finding${g.findings.length === 1 ? '' : 's'}`, '');
      out.push(layout(findingRows(inv, g.findings, titleWidth), ['PACKAGE', 'INSTALLED', 'FIXED', 'SEVERITY', 'STATUS', 'ID', 'TITLE', 'LAYER'], paint));
    }
  }
  if (report.fixAdvice && report.findings.length) out.push(fixAdviceBlock(report.fixAdvice));
  for (const section of opts.sections ?? []) out.push(section);
  const warnings = [...new Set([...inv.warnings, ...report.warnings])];
  if (warnings.length) out.push(`${warnings.length} warning${warnings.length === 1 ? '' : 's'}:\n${warnings.map((w) => `  ${w}`).join('\n')}\n`);
  return out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\n*$/, '\n');
}
