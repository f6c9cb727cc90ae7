import { join } from 'node:path';

/**
 * The app's data folder, where the vault lives: the folder Electron's `userData` is for this app, so the
 * CLI and the desktop app share one vault (DESIGN.md "The vault"). TALCRED_HOME overrides it.
 */
export function defaultVaultHome(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, homeDir: string): string {
  if (env.TALCRED_HOME) return env.TALCRED_HOME;
  switch (platform) {
    case 'darwin':
      return join(homeDir, 'Library', 'Application Support', 'Talos Credential Manager');
    case 'win32':
      return join(env.APPDATA ?? join(homeDir, 'AppData', 'Roaming'), 'Talos Credential Manager');
    default: {
      // XDG: a relative XDG_CONFIG_HOME is invalid and must be ignored.
      const configHome = env.XDG_CONFIG_HOME?.startsWith('/')
        ? env.XDG_CONFIG_HOME
        : join(homeDir, '.config');
      return join(configHome, 'talos-credential-manager');
    }
  }
}
