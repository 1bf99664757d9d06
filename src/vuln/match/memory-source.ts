/** An AdvisorySource over records in memory: for tests, and for scanning against a JSONL file directly. */
import { baseEcosystem, normalizePackageName } from '../db/ecosystem.js';
import type { OsvRecord } from '../db/osv-types.js';
import { allIds } from './identity.js';
import type { AdvisorySource } from './types.js';

export function memorySource(records: OsvRecord[]): AdvisorySource {
  const byPkg = new Map<string, OsvRecord[]>();
  const byAlias = new Map<string, OsvRecord[]>();
  const add = <K>(m: Map<K, OsvRecord[]>, k: K, r: OsvRecord): void => {
    const list = m.get(k) ?? [];
    if (!list.includes(r)) list.push(r);
    m.set(k, list);
  };
  for (const r of records) {
    for (const a of r.affected ?? []) {
      if (!a.package) continue;
      const eco = baseEcosystem(a.package.ecosystem);
      add(byPkg, `${eco}\0${normalizePackageName(eco, a.package.name)}`, r);
    }
    for (const id of allIds(r)) add(byAlias, id, r);
  }
  return {
    lookup: (eco, name) => byPkg.get(`${eco}\0${name}`) ?? [],
    lookupByAlias: (id) => byAlias.get(id) ?? [],
  };
}
