import { fileURLToPath } from 'node:url';

/** Paths of the real Talos files in tests/fixtures/talos/ (provenance in its README.md). */
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/talos/${name}`, import.meta.url));

// The admin and no-roles files both name their context "no-roles", so importing both renames the second
// as talosctl's merge does.
export const ADMIN = fixture('talosconfig-admin-2021.yaml');
export const NOROLES = fixture('talosconfig-noroles-2021.yaml');
export const FUTURE = fixture('talosconfig-futurerole-2021.yaml');
export const SECRETS = fixture('secrets-talos-generate-testdata.yaml');
