import { describe, expect, it, vi } from 'vitest';
import { denyNavigation, denyNewWindows, denyWebviewAttach } from '../../../electron/security.js';
import { FakeWebContents, preventable } from './fake-electron.js';

vi.mock('electron', () => ({}));

describe('denyNavigation', () => {
  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('prevents %s', (event) => {
    const contents = new FakeWebContents();
    denyNavigation(contents.asElectron());
    const attempt = preventable();
    contents.emit(event, attempt, 'https://evil.example/');
    expect(attempt.defaultPrevented).toBe(true);
  });
});

describe('denyNewWindows', () => {
  it('denies every window and opens an allowed https link in the OS browser', () => {
    const contents = new FakeWebContents();
    const openExternal = vi.fn(() => Promise.resolve());
    denyNewWindows(contents.asElectron(), openExternal);
    expect(contents.windowOpenHandler?.({ url: 'https://www.talos.dev/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://www.talos.dev/');
  });

  it('drops any other URL without opening it', () => {
    const contents = new FakeWebContents();
    const openExternal = vi.fn(() => Promise.resolve());
    denyNewWindows(contents.asElectron(), openExternal);
    for (const url of ['http://www.talos.dev/', 'file:///etc/passwd', 'app://talos/index.html']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('survives the OS having no browser for the link', async () => {
    const contents = new FakeWebContents();
    const failed = Promise.reject(new Error('no handler'));
    denyNewWindows(contents.asElectron(), () => failed);
    expect(contents.windowOpenHandler?.({ url: 'https://github.com/' })).toEqual({ action: 'deny' });
    await expect(failed).rejects.toThrow('no handler');
  });
});

describe('denyWebviewAttach', () => {
  it('prevents every webview from attaching', () => {
    const contents = new FakeWebContents();
    denyWebviewAttach(contents.asElectron());
    const attempt = preventable();
    contents.emit('will-attach-webview', attempt, {}, {});
    expect(attempt.defaultPrevented).toBe(true);
  });
});
