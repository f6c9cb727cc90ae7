import { describe, expect, it, vi } from 'vitest';
import { secureWebPreferences } from '../../../electron/security.js';

vi.mock('electron', () => ({}));

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer, with no Node, WebGL, webviews or spellchecker', () => {
    const preferences = secureWebPreferences('/app/out/preload/preload.cjs', false);
    expect(preferences).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webgl: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
  });

  it('allows devtools in development only, changing nothing else', () => {
    const released = secureWebPreferences('/p.cjs', false);
    const development = secureWebPreferences('/p.cjs', true);
    expect(development.devTools).toBe(true);
    expect({ ...development, devTools: false }).toEqual(released);
  });
});
