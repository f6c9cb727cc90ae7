/** The most a dropped file may hold: an age file of the largest talosconfig the main side reads. */
export const MAX_DROPPED_BYTES = 17 * 1024 * 1024;

/** A file's bytes as base64, for a dropped file (which has no path the main side could trust). */
export async function fileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary);
}
