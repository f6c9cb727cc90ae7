import type { VaultSettings } from '../../../shared/vault/vault-document.js';

export type Theme = VaultSettings['theme'];

// The setting lives in the vault, which a locked app cannot read: the last one seen is kept here (it is not
// a secret) so the unlock screen wears it too.
const STORAGE_KEY = 'talcred-theme';

/** Pins light or dark on <html> (theme.css follows `data-theme`), or leaves the OS to decide. */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // storage refused (a private window): the theme still applies for this session
  }
}

/** The theme last applied, for the first paint before the vault is open. */
export function storedTheme(): Theme {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}
