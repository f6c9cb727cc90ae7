import { isAbsolute, resolve } from 'node:path';

/**
 * The files a launch asks the app to open (double-clicked `.talosconfig`/`.age` files, or paths given on
 * the command line), as absolute paths. `argv` is process.argv or what a second instance passed on:
 * Electron's own executable comes first, and when run unpackaged (`electron .`) the app folder second;
 * Chromium appends switches of its own, so anything starting with `-` is not a file.
 */
export function fileArgumentsFromArgv(
  argv: readonly string[],
  options: { packaged: boolean; cwd: string },
): string[] {
  const leading = options.packaged ? 1 : 2;
  return argv
    .slice(leading)
    .filter((arg) => arg !== '' && !arg.startsWith('-'))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(options.cwd, arg)));
}

/** What the first instance learns from a second launch: the files it resolved, if it sent any. */
export function filesFromSecondInstance(
  additionalData: unknown,
  argv: readonly string[],
  options: { packaged: boolean; cwd: string },
): string[] {
  if (typeof additionalData === 'object' && additionalData !== null && 'files' in additionalData) {
    const { files } = additionalData;
    if (Array.isArray(files) && files.every((file): file is string => typeof file === 'string')) {
      return files.filter((file) => isAbsolute(file));
    }
  }
  return fileArgumentsFromArgv(argv, options);
}
