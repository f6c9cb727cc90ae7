import { describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN, denyPermissions, isPermissionAllowed } from '../../../electron/security.js';
import { FakeSession } from './fake-electron.js';

vi.mock('electron', () => ({}));

const permissions = ['media', 'geolocation', 'notifications', 'midi', 'openExternal', 'clipboard-read'];

describe('isPermissionAllowed', () => {
  it('allows only clipboard writes from our own origin', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', `${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'not a url')).toBe(false);
    for (const permission of permissions) {
      expect(isPermissionAllowed(permission, `${APP_ORIGIN}/index.html`)).toBe(false);
    }
  });
});

describe('denyPermissions', () => {
  it('refuses permission requests, checks and devices', () => {
    const session = new FakeSession();
    denyPermissions(session.asElectron());
    for (const permission of permissions) {
      const callback = vi.fn();
      session.permissionRequest?.(null, permission, callback, { requestingUrl: `${APP_ORIGIN}/` });
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.permissionCheck?.(null, permission, APP_ORIGIN)).toBe(false);
    }
    expect(session.devicePermission?.()).toBe(false);
  });

  it('grants a clipboard write to our origin and to nobody else', () => {
    const session = new FakeSession();
    denyPermissions(session.asElectron());
    const ours = vi.fn();
    const theirs = vi.fn();
    session.permissionRequest?.(null, 'clipboard-sanitized-write', ours, { requestingUrl: `${APP_ORIGIN}/` });
    session.permissionRequest?.(null, 'clipboard-sanitized-write', theirs, {
      requestingUrl: 'https://evil.example/',
    });
    expect(ours).toHaveBeenCalledWith(true);
    expect(theirs).toHaveBeenCalledWith(false);
    expect(session.permissionCheck?.(null, 'clipboard-sanitized-write', APP_ORIGIN)).toBe(true);
  });
});
