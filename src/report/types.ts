/** What every vulnerability report format renders: the inventory, the findings and the lead's fix advice. */
import type { Inventory } from '../app/inventory.js';
import type { ConfigFinding } from '../checks/types.js';
import type { EolStatus } from '../distro/eol.js';
import type { SecretFinding } from '../secrets/scanner.js';
import type { FixAdvice as FullFixAdvice, PackageAdvice } from '../vuln/fix-advice.js';
import type { Finding } from '../vuln/match/types.js';

/** Fix advice as the reports render it: computed in src/vuln/fix-advice.ts (counts are optional here). */
export type FixAdvicePackage = PackageAdvice;
export type FixAdvice = Pick<FullFixAdvice, 'packages' | 'summary'> & Partial<Pick<FullFixAdvice, 'fixable' | 'total'>>;

/** A finished vulnerability scan, as handed to the table, JSON and SARIF renderers. */
export interface ScanReport {
  inventory: Inventory;
  /** already filtered (severity, --ignore-unfixed, ignore files, VEX) */
  findings: Finding[];
  /** scan-time warnings beyond the inventory's own (database age, skipped matchers …) */
  warnings: string[];
  fixAdvice?: FixAdvice;
  /** hardening / misconfiguration findings (--scanners config) */
  configFindings?: ConfigFinding[];
  /** secrets found in any layer, redacted (--scanners secret) */
  secrets?: SecretFinding[];
  /** findings suppressed by the ignore file, VEX or inline comments, with the reason */
  suppressed?: SuppressedItem[];
  /** end-of-life status of the OS */
  eol?: EolStatus;
}

/** A suppressed finding of any scanner, kept for audit trails in JSON and CycloneDX. */
export interface SuppressedItem {
  kind: 'vulnerability' | 'config' | 'secret';
  id: string;
  subject: string;
  by: 'ignorefile' | 'vex' | 'inline';
  reason: string;
  /** the suppressed vulnerability finding itself (kind 'vulnerability'), for CycloneDX VEX analysis */
  finding?: Finding;
}
