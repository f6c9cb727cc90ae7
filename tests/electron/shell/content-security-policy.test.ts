import { describe, expect, it, vi } from 'vitest';
import {
  applyContentSecurityPolicy,
  contentSecurityPolicy,
  cspForMetaTag,
} from '../../../electron/security.js';
import { FakeSession } from './fake-electron.js';

vi.mock('electron', () => ({}));

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split('; ').map((directive) => {
      const [name = '', ...values] = directive.split(' ');
      return [name, values.join(' ')];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('allows only our own files: no eval, no inline script, no objects, no remote content', () => {
    const policy = directives(contentSecurityPolicy());
    expect(policy.get('default-src')).toBe(`'self'`);
    expect(policy.get('script-src')).toBe(`'self'`);
    expect(policy.get('object-src')).toBe(`'none'`);
    expect(policy.get('base-uri')).toBe(`'none'`);
    expect(policy.get('frame-ancestors')).toBe(`'none'`);
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });

  it('adds the dev server (and its hot-reload socket) only when given one', () => {
    const policy = directives(contentSecurityPolicy({ devServerOrigin: 'http://localhost:5173' }));
    expect(policy.get('script-src')).toContain('http://localhost:5173');
    expect(policy.get('connect-src')).toContain('ws://localhost:5173');
    expect(policy.get('script-src')).not.toContain('unsafe-eval');
  });

  it('drops frame-ancestors for a meta tag, where browsers ignore it', () => {
    const meta = cspForMetaTag(contentSecurityPolicy());
    expect(meta).not.toContain('frame-ancestors');
    expect(meta).toContain(`script-src 'self'`);
  });
});

describe('applyContentSecurityPolicy', () => {
  it('sets the policy on every response, replacing any policy the response carried', () => {
    const session = new FakeSession();
    applyContentSecurityPolicy(session.asElectron(), "default-src 'self'");
    let headers: Record<string, string[]> = {};
    session.headersListener?.(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['kept'] } },
      (response) => {
        headers = response.responseHeaders;
      },
    );
    expect(headers).toEqual({ 'X-Other': ['kept'], 'Content-Security-Policy': ["default-src 'self'"] });
  });
});
