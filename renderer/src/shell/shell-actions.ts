import { createContext, useContext } from 'react';
import type { SectionId } from './sections.js';

/** A file on its way into the import flow: a token from the main side, or a dropped file's bytes. */
export type IncomingFile =
  { kind: 'picked'; token: string; name: string } | { kind: 'bytes'; base64: string; name: string };

/** What any page may ask of the shell: show another section, open the quick switcher, import files. */
export interface ShellActions {
  goTo: (section: SectionId) => void;
  openSwitcher: () => void;
  /** Files dropped on the window or opened with the app, waiting for the import page. */
  incoming: readonly IncomingFile[];
  receive: (files: IncomingFile[]) => void;
  takeIncoming: () => IncomingFile[];
}

const none: ShellActions = {
  goTo: () => undefined,
  openSwitcher: () => undefined,
  incoming: [],
  receive: () => undefined,
  takeIncoming: () => [],
};

export const ShellActionsContext = createContext<ShellActions>(none);

export function useShellActions(): ShellActions {
  return useContext(ShellActionsContext);
}
