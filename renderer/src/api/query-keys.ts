/** Query keys: everything under `vault` is refetched when the main side says the vault or talosctl's file changed. */
export const queryKeys = {
  all: ['vault'] as const,
  status: ['vault', 'status'] as const,
  list: ['vault', 'list'] as const,
  settings: ['vault', 'settings'] as const,
};
