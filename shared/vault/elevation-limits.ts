/** An elevation never lasts longer than a day, whatever the vault's setting says (`elevate-max-ttl`). */
export const MAX_ELEVATION_SECONDS = 24 * 60 * 60;
