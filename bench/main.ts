import { benchAsn1Mutations } from './asn1-bench.js';
import { benchListColdStart } from './cli-bench.js';
import { benchIssue } from './issue-bench.js';
import { benchRenderer } from './renderer-bench.js';
import { benchSweepHome } from './sweep-bench.js';
import {
  benchColdList,
  benchImport,
  benchImportPreview,
  benchImportPreviewDistinct,
  benchPassphraseUnlock,
  benchVaultOpen,
} from './vault-bench.js';

// One JSON line per figure (DESIGN.md "Performance targets"); exit 1 when a figure misses its target.
const figures = [
  await benchVaultOpen(),
  await benchImport(),
  await benchImportPreview(),
  await benchImportPreviewDistinct(),
  await benchColdList(),
  await benchPassphraseUnlock(),
  benchListColdStart(),
  benchSweepHome(),
  await benchIssue(),
  await benchAsn1Mutations(),
  ...(await benchRenderer()),
];
for (const result of figures) process.stdout.write(`${JSON.stringify(result)}\n`);
process.exitCode = figures.every((result) => result.ok) ? 0 : 1;
