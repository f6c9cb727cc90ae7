import { readFile } from 'node:fs/promises';
import type { App, Protocol, Session, WebContents, WebPreferences } from 'electron';
import { mimeTypeFor, resolveAppFile } from './app-files.js';

/*
 * Every item of DESIGN.md "Electron security" as one named function, each with its own unit test
 * (tests/electron/security/). Electron objects come in as parameters and are imported as types only, so
 * the e2e harness can serve the UI through the same handler and CSP without an Electron binary.
 */

export const APP_SCHEME = 'app';
/** The UI's one origin. `file:` is never used: every file URL would share one origin with the disk. */
export const APP_ORIGIN = `${APP_SCHEME}://talos`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Whether a URL is on our origin. Compared by scheme and host, not `URL.origin`: outside Electron (Node,
 * the tests, the e2e harness) `app:` is not a special scheme and every such URL has the origin "null".
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'talos';
  } catch {
    return false;
  }
}

/**
 * The BrowserWindow's webPreferences. Nothing here is loosened for convenience (STYLE.md): the renderer
 * reaches the main process only through the preload's `window.talos`.
 */
export function secureWebPreferences(preloadPath: string, isDevelopment: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // Nothing the UI draws needs a GPU context; WebGL is a large attack surface.
    webgl: false,
    webviewTag: false,
    plugins: false,
    navigateOnDragDrop: false,
    // The spellchecker would send what is typed (context names, passphrases) to a dictionary service.
    spellcheck: false,
    safeDialogs: true,
    devTools: isDevelopment,
  };
}

/**
 * The UI's Content Security Policy: only our own files, no eval, no inline script, no remote content.
 * In development the Vite server's origin is added, with the inline script and styles its hot reload
 * injects; a packaged app never gets those.
 */
export function contentSecurityPolicy(options: { devServerOrigin?: string } = {}): string {
  const dev = options.devServerOrigin;
  const self = dev ? `'self' ${dev}` : `'self'`;
  const directives = [
    `default-src ${self}`,
    `script-src ${self}${dev ? ` 'unsafe-inline'` : ''}`,
    `style-src ${self}${dev ? ` 'unsafe-inline'` : ''}`,
    `img-src ${self} data:`,
    `font-src ${self}`,
    `connect-src ${self}${dev ? ` ${dev.replace(/^http/, 'ws')}` : ''}`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'none'`,
    `frame-src 'none'`,
    `worker-src 'none'`,
    `frame-ancestors 'none'`,
  ];
  return directives.join('; ');
}

/** The policy for a `<meta http-equiv>` tag: `frame-ancestors` is ignored there (and warned about). */
export function cspForMetaTag(policy: string): string {
  return policy
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
}

/** Adds the CSP header to every response the session receives, whatever served it. */
export function applyContentSecurityPolicy(session: Session, policy: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') Reflect.deleteProperty(headers, name);
    }
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } });
  });
}

/** Hosts whose https pages a link in the UI may open in the user's browser. */
export const externalLinkHosts: readonly string[] = ['www.talos.dev', 'docs.siderolabs.com', 'github.com'];

/**
 * Whether a URL may be handed to the OS browser: https only, a host on the list exactly (no subdomain
 * tricks), no credentials and no explicit port. Pure, so it is property-tested.
 */
export function isAllowedExternalUrl(
  url: string,
  allowedHosts: readonly string[] = externalLinkHosts,
): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    allowedHosts.includes(parsed.hostname)
  );
}

/** The UI never navigates: it is one page. Links, redirects and drops that would leave it are stopped. */
export function denyNavigation(contents: WebContents): void {
  const stop = (event: { preventDefault(): void }): void => {
    event.preventDefault();
  };
  contents.on('will-navigate', stop);
  contents.on('will-redirect', stop);
  contents.on('will-frame-navigate', stop);
}

/**
 * No new windows. An allowed external https link goes to the OS browser instead (via `openExternal`,
 * Electron's `shell.openExternal`); anything else is dropped.
 */
export function denyNewWindows(contents: WebContents, openExternal: (url: string) => Promise<void>): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) {
      openExternal(url).catch(() => {
        // The OS had no browser for it; nothing in the app depends on the link opening.
      });
    }
    return { action: 'deny' };
  });
}

/** Whether a permission may be granted: only writing to the clipboard, and only for our own origin. */
export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl);
}

/** Every permission request and check is refused, except `isPermissionAllowed`'s one case. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}

/** A `<webview>` would be a second, unchecked browser inside the window; none may attach. */
export function denyWebviewAttach(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/**
 * Registers `app://` before the app is ready: standard (so relative URLs and origins work), secure (a
 * secure context), fetch-capable; no CSP bypass.
 */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, bypassCSP: false, stream: false },
    },
  ]);
}

/**
 * The `app://` handler: files from the build folder only (see resolveAppFile for the path rules), with
 * their MIME type and the CSP header; any other host, method or path is a 404 that says nothing more.
 */
export function createAppRequestHandler(
  buildDir: string,
  policy: string,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const notFound = new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    if (!isAppUrl(request.url) || (request.method !== 'GET' && request.method !== 'HEAD')) return notFound;
    const file = await resolveAppFile(buildDir, new URL(request.url).pathname);
    if (file === null) return notFound;
    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': mimeTypeFor(file),
        'Content-Security-Policy': policy,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    });
  };
}

/** Serves the UI on `app://` once the app is ready (after registerAppScheme). */
export function handleAppProtocol(protocol: Protocol, buildDir: string, policy: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(buildDir, policy));
}

/**
 * DevTools only in development: webPreferences.devTools already hides them; this also closes them
 * if anything opens them anyway in a packaged app.
 */
export function restrictDevTools(contents: WebContents, isDevelopment: boolean): void {
  if (isDevelopment) return;
  contents.on('devtools-opened', () => {
    contents.closeDevTools();
  });
}

/** Every renderer the app creates is sandboxed, including any it did not create on purpose. */
export function enableSandboxEverywhere(app: App): void {
  app.enableSandbox();
}

/**
 * What every web contents gets, whichever created it (window, devtools, a stray frame): no navigation,
 * no windows, no webviews.
 */
export function secureEveryWebContents(app: App, openExternal: (url: string) => Promise<void>): void {
  app.on('web-contents-created', (_event, contents) => {
    denyNavigation(contents);
    denyNewWindows(contents, openExternal);
    denyWebviewAttach(contents);
  });
}
