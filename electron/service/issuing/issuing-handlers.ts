import type { issuingOperations } from '../../../shared/contract/issuing-contract.js';
import type { Handlers } from '../implement.js';
import { acceptCertificate } from './accept.js';
import { exportAge } from './age-export.js';
import { importCa, listCas, removeCa } from './ca-store.js';
import { doctor } from './doctor.js';
import { exportLog } from './export-log.js';
import { readLog } from './issuance-log.js';
import { issueTalosconfig } from './issue.js';
import { createRequest, readRequest } from './requests.js';
import { signRequest } from './sign.js';

/** `window.talos.issuing.*` and the CLI's ca/issue/log/request/sign/accept/doctor commands. */
export const issuingHandlers: Handlers<typeof issuingOperations> = {
  importCa: (deps, { name, source }) => importCa(deps, name, source),
  listCas: (deps) => listCas(deps),
  removeCa: (deps, { name }) => removeCa(deps, name),
  issue: (deps, args) => issueTalosconfig(deps, args),
  log: async (deps, { ca }) => readLog(await deps.store.read(), ca, deps.now()),
  exportLog: (deps, args) => exportLog(deps, args),
  createRequest: (deps, args) => createRequest(deps, args),
  readRequest: (deps, { csr }) => readRequest(deps.files.openPath(csr)),
  sign: (deps, args) => signRequest(deps, args),
  accept: (deps, args) => acceptCertificate(deps, args),
  exportAge: (deps, args) => exportAge(deps, args),
  doctor: (deps, args, call) => doctor(deps, args, call),
};
