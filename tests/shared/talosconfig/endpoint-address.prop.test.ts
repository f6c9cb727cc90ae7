import fc from 'fast-check';
import { isIP } from 'node:net';
import { describe, expect, it } from 'vitest';
import { parseEndpoint } from '../../../electron/net/endpoint.js';
import { addressProblem, isIpv4, isIpv6 } from '../../../shared/talosconfig/endpoint-address.js';

// A failure prints its seed; FC_SEED=<seed> replays the same run.
const seed = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(`endpoint-address.prop.test: fast-check seed ${seed}`);
const params = { seed, numRuns: 2000 };

const port = fc.integer({ min: 1, max: 65535 });
const ipLike = (alphabet: string) =>
  fc.string({ unit: fc.constantFrom(...alphabet.split('')), maxLength: 45 });

describe('addressProblem (properties)', () => {
  it('accepts every form an endpoint or node takes', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.ipV6(), fc.domain(), port, (v4, v6, domain, number) => {
        for (const address of [
          v4,
          `${v4}:${number}`,
          v6,
          `[${v6}]`,
          `[${v6}]:${number}`,
          domain,
          `${domain}:${number}`,
          `https://${domain}`,
          `https://${domain}:${number}/`,
          `https://[${v6}]:${number}`,
        ]) {
          expect(addressProblem(address), address).toBeNull();
        }
      }),
      params,
    );
  });

  it('reads IPv4 and IPv6 exactly as node:net does', () => {
    fc.assert(
      fc.property(ipLike('0123456789abcdefABCDEF:.'), ipLike('0123456789.'), (v6, v4) => {
        expect(isIpv6(v6), v6).toBe(isIP(v6) === 6);
        expect(isIpv4(v4), v4).toBe(isIP(v4) === 4);
      }),
      params,
    );
  });

  it('whatever it accepts, the endpoint prober can dial; a space or control character is always refused', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.constantFrom(' ', '\n', '\r', '\t', '\u001b', '\u0085', '\u0000'),
        fc.nat(),
        (text, bad, at) => {
          if (addressProblem(text) === null) expect(() => parseEndpoint(text)).not.toThrow();
          const position = at % (text.length + 1);
          expect(addressProblem(`${text.slice(0, position)}${bad}${text.slice(position)}`)).not.toBeNull();
        },
      ),
      params,
    );
  });

  it('refuses ports outside 1-65535 and schemes other than https', () => {
    fc.assert(
      fc.property(
        fc.domain(),
        fc.oneof(fc.constant(0), fc.integer({ min: 65536, max: 10_000_000 })),
        fc.constantFrom('http', 'grpc', 'tcp', 'ftp'),
        (domain, number, scheme) => {
          expect(addressProblem(`${domain}:${number}`)).not.toBeNull();
          expect(addressProblem(`${scheme}://${domain}`)).not.toBeNull();
        },
      ),
      params,
    );
  });
});
