import { describe, expect, it, vi } from 'vitest';
import {
  enableSandboxEverywhere,
  restrictDevTools,
  secureEveryWebContents,
} from '../../../electron/security.js';
import { FakeApp, FakeWebContents, preventable } from './fake-electron.js';

vi.mock('electron', () => ({}));

describe('restrictDevTools', () => {
  it('closes devtools that open in a packaged app', () => {
    const contents = new FakeWebContents();
    restrictDevTools(contents.asElectron(), false);
    contents.emit('devtools-opened');
    expect(contents.devToolsClosed).toBe(1);
  });

  it('leaves them open in development', () => {
    const contents = new FakeWebContents();
    restrictDevTools(contents.asElectron(), true);
    contents.emit('devtools-opened');
    expect(contents.devToolsClosed).toBe(0);
  });
});

describe('enableSandboxEverywhere', () => {
  it('sandboxes every renderer of the app', () => {
    const app = new FakeApp();
    enableSandboxEverywhere(app.asElectron());
    expect(app.sandboxed).toBe(true);
  });
});

describe('secureEveryWebContents', () => {
  it('denies navigation, windows and webviews in every web contents the app creates', () => {
    const app = new FakeApp();
    secureEveryWebContents(app.asElectron(), () => Promise.resolve());
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    const navigation = preventable();
    contents.emit('will-navigate', navigation, 'https://evil.example/');
    const webview = preventable();
    contents.emit('will-attach-webview', webview, {}, {});
    expect(navigation.defaultPrevented).toBe(true);
    expect(webview.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});
