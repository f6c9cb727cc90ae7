import type { IssuingArgs } from '../../../shared/contract/issuing-contract.js';
import { matchesLogSearch } from '../../../shared/issuance-log-search.js';
import { writeFileAtomic } from '../../files/atomic-write.js';
import type { ServiceDeps } from '../service-deps.js';
import { issuanceLogCsv } from './log-csv.js';
import { refuseOverwrite } from './output-file.js';

/**
 * The log rows the screen shows for this search (and CA, stored or not, as `log` reads it), written as
 * CSV where the user chose.
 */
export async function exportLog(deps: ServiceDeps, args: IssuingArgs<'exportLog'>) {
  const { path, overwrite } = deps.files.savePath(args.output);
  refuseOverwrite(path, overwrite);
  const document = await deps.store.read();
  const entries = document.issued.filter(
    (entry) => (args.ca === undefined || entry.caName === args.ca) && matchesLogSearch(entry, args.search),
  );
  // Not secret (no key, no certificate), but it says what exists and where it went: the owner's only.
  await writeFileAtomic(path, issuanceLogCsv(entries), { mode: 0o600 });
  return { path, entries: entries.length };
}
