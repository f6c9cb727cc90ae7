import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { ServiceSet } from './service/create-services.js';
import { buildTrayMenu, type TrayAction, type TrayEntry } from './tray-menu.js';

/**
 * The tray (menu bar) icon: its menu is rebuilt from `vault.list` whenever the vault, talosctl's file or
 * the session changes, and on a timer so "time left" stays true. Kept in the shell, out of the service layer.
 */
export function startTray(options: {
  services: ServiceSet;
  icon: string;
  showWindow: () => void;
}): () => void {
  const { services, showWindow } = options;
  const tray = new Tray(nativeImage.createFromPath(options.icon));
  tray.setToolTip('Talos Credential Manager');

  const act = (action: TrayAction): void => {
    if (action.kind === 'open') showWindow();
    else if (action.kind === 'lock') void services.vault.lockVault({});
    else void services.vault.use({ name: action.name }).catch(() => undefined);
  };
  const toElectron = (entry: TrayEntry): MenuItemConstructorOptions => {
    if (entry.kind === 'separator') return { type: 'separator' };
    if (entry.kind === 'submenu') return { label: entry.label, submenu: entry.entries.map(toElectron) };
    const { action } = entry;
    return {
      label: entry.label,
      enabled: entry.enabled,
      ...(entry.checked === undefined ? {} : { type: 'checkbox' as const, checked: entry.checked }),
      ...(action === null
        ? {}
        : {
            click: () => {
              act(action);
            },
          }),
    };
  };
  const refresh = async (): Promise<void> => {
    const items = await services.vault.list({}).catch(() => null);
    tray.setContextMenu(Menu.buildFromTemplate(buildTrayMenu({ items, now: new Date() }).map(toElectron)));
  };

  void refresh();
  const unsubscribes = (['vaultChanged', 'talosconfigChanged', 'sessionChanged'] as const).map((name) =>
    services.events.subscribe(name, () => void refresh()),
  );
  const timer = setInterval(() => void refresh(), 60_000);
  return () => {
    clearInterval(timer);
    for (const unsubscribe of unsubscribes) unsubscribe();
    tray.destroy();
  };
}
