import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { externalLinkHosts, isAllowedExternalUrl } from '../../../electron/security.js';

vi.mock('electron', () => ({}));

describe('isAllowedExternalUrl', () => {
  it('allows https pages on the listed hosts', () => {
    expect(isAllowedExternalUrl('https://www.talos.dev/v1.12/reference/cli/')).toBe(true);
    expect(isAllowedExternalUrl('https://github.com/siderolabs/talos/issues?q=1#top')).toBe(true);
  });

  it.each([
    'http://www.talos.dev/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://talos/index.html',
    'https://www.talos.dev.evil.example/',
    'https://evil.example/?https://www.talos.dev/',
    'https://user:pw@github.com/',
    'https://github.com:8443/',
    'https://sub.github.com/',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('never allows a URL whose parsed host is off the list or whose scheme is not https', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const parsed = new URL(url);
        const expected =
          parsed.protocol === 'https:' &&
          externalLinkHosts.includes(parsed.hostname) &&
          parsed.username === '' &&
          parsed.password === '' &&
          parsed.port === '';
        expect(isAllowedExternalUrl(url)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('allows any path, query and fragment on a listed host', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...externalLinkHosts),
        fc.webPath(),
        fc.webQueryParameters(),
        (host, path, query) => {
          expect(isAllowedExternalUrl(`https://${host}${path}?${query}`)).toBe(true);
        },
      ),
    );
  });

  it('refuses anything that is not a URL of an allowed host, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        if (isAllowedExternalUrl(text)) expect(externalLinkHosts).toContain(new URL(text).hostname);
      }),
    );
  });
});
