import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEndpoint, TALOS_API_PORT } from '../../../electron/net/endpoint.js';

const port = fc.integer({ min: 1, max: 65535 });

describe('parseEndpoint (properties)', () => {
  it('reads back host and port from every form talosctl accepts', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.ipV6(), fc.domain(), port, fc.boolean(), (v4, v6, domain, number, https) => {
        const prefix = https ? 'https://' : '';
        expect(parseEndpoint(`${prefix}${v4}:${number}`)).toEqual({ host: v4, port: number });
        expect(parseEndpoint(`${prefix}[${v6}]:${number}`)).toEqual({ host: v6, port: number });
        expect(parseEndpoint(`${prefix}${domain}:${number}`)).toEqual({ host: domain, port: number });
        expect(parseEndpoint(`${prefix}${v4}`)).toEqual({ host: v4, port: TALOS_API_PORT });
        expect(parseEndpoint(`${prefix}[${v6}]`)).toEqual({ host: v6, port: TALOS_API_PORT });
        expect(parseEndpoint(v6)).toEqual({ host: v6, port: TALOS_API_PORT });
      }),
    );
  });

  it('either reads a string or refuses it with a NetError, never anything else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        try {
          const { host, port: number } = parseEndpoint(text);
          expect(host).not.toBe('');
          expect(number >= 1 && number <= 65535).toBe(true);
        } catch (error) {
          expect((error as { code?: string }).code).toBe('invalid-endpoint');
        }
      }),
    );
  });
});
