import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Maps a request path of the app's own scheme to a file inside the build folder, or null. Plain Node (no
 * Electron), so the protocol handler in security.ts and the e2e harness serve the UI the same way.
 *
 * The path is decoded before it is checked: for a non-standard scheme the URL parser leaves `%2e%2e` and
 * `%2f` alone, so a check on the raw text would miss a climb out of the folder.
 */
export async function resolveAppFile(buildDir: string, requestPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  // NUL ends a path in C APIs; a backslash is a separator on Windows. Neither belongs in a URL path here.
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const wanted = decoded === '' || decoded === '/' ? '/index.html' : decoded;
  const root = resolve(buildDir);
  const candidate = resolve(root, `.${wanted.startsWith('/') ? '' : '/'}${wanted}`);
  if (!isInside(root, candidate)) return null;
  try {
    // Symlinks are resolved on both sides: a link inside the folder must not lead out of it.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!isInside(realRoot, realFile)) return null;
    const facts = await stat(realFile);
    return facts.isFile() ? realFile : null;
  } catch {
    return null;
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The Content-Type for a served file. Module scripts need a JavaScript type to run at all, and an unknown
 * extension is served as opaque bytes rather than guessed.
 */
export function mimeTypeFor(path: string): string {
  return mimeTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}
