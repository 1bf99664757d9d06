/** Distribution statuses for unfixed findings, from the forms OSV producers use. */
import type { OsvAffected } from '../db/osv-types.js';
import type { Status } from './types.js';

const KNOWN: Record<string, Status> = {
  affected: 'affected',
  needed: 'affected',
  pending: 'affected',
  active: 'affected',
  under_investigation: 'affected',
  will_not_fix: 'will_not_fix',
  wont_fix: 'will_not_fix',
  ignored: 'will_not_fix',
  'not-fixed': 'will_not_fix',
  fix_deferred: 'fix_deferred',
  deferred: 'fix_deferred',
  postponed: 'fix_deferred',
  end_of_life: 'end_of_life',
  eol: 'end_of_life',
  fixed: 'fixed',
  released: 'fixed',
};

/** Status of an affected entry with no fix above the installed version. */
export function unfixedStatus(affected: OsvAffected): Status {
  const ds = (affected.database_specific ?? {}) as Record<string, unknown>;
  const es = (affected.ecosystem_specific ?? {}) as Record<string, unknown>;
  for (const v of [ds.status, es.ubuntu_status, ds.wolfi_status, es.status]) {
    if (typeof v !== 'string') continue;
    const s = KNOWN[v.toLowerCase()];
    if (s && s !== 'fixed') return s;
  }
  return 'affected';
}
