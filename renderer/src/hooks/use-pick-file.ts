import { talos } from '../api/talos.js';

/** A file the user chose in the main side's dialog: a single-use token and the file's name, no folder. */
export interface PickedFile {
  token: string;
  name: string;
}

interface Filter {
  name: string;
  extensions: string[];
}

const filters: Record<FileKind, Filter[]> = {
  yaml: [{ name: 'YAML', extensions: ['yaml', 'yml'] }],
  pem: [{ name: 'PEM', extensions: ['pem', 'crt', 'key'] }],
  csr: [{ name: 'Certificate request', extensions: ['csr', 'pem'] }],
  crt: [{ name: 'Certificate', extensions: ['crt', 'pem'] }],
  csv: [{ name: 'CSV', extensions: ['csv'] }],
  age: [{ name: 'age', extensions: ['age'] }],
  talosconfig: [{ name: 'talosconfig', extensions: ['yaml', 'yml', '*'] }],
};
export type FileKind = 'yaml' | 'pem' | 'csr' | 'crt' | 'csv' | 'age' | 'talosconfig';

const anyFile = { name: 'All files', extensions: ['*'] };

/** The open dialog; null when the user cancelled. */
export async function pickOpenFile(title: string, kind: FileKind): Promise<PickedFile | null> {
  const { files } = await talos().dialogs.pickOpen({ title, filters: [...filters[kind], anyFile] });
  return files[0] ?? null;
}

/** The save dialog (it asks before replacing a file); null when the user cancelled. */
export async function pickSaveFile(
  title: string,
  defaultName: string,
  kind: FileKind,
): Promise<PickedFile | null> {
  const answer = await talos().dialogs.pickSave({ title, defaultName, filters: [...filters[kind], anyFile] });
  return answer.picked ? { token: answer.token, name: answer.name } : null;
}
