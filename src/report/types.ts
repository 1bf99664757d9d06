/** What every vulnerability report format renders: the inventory, the findings and the lead's fix advice. */
import type { Inventory } from '../app/inventory.js';
import type { ConfigFinding } from '../checks/types.js';
import type { EolStatus } from '../distro/eol.js';
import type { SecretFinding } from '../secrets/scanner.js';
import type { Finding } from '../vuln/match/types.js';

/** One package upgrade that fixes some findings (computed by the scan, only rendered here). */
export interface FixAdvicePackage {
  name: string;
  type: string;
  installed: string;
  recommended: string;
  /** finding IDs this upgrade fixes */
  fixes: string[];
  /** where the package was found, for language packages */
  path?: string;
}

/** Per-package upgrade advice and a one-line summary for the whole image. */
export interface FixAdvice {
  packages: FixAdvicePackage[];
  summary: string;
}

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
}
