import { isIP } from 'node:net';
import { NetError } from './net-error.js';

/** apid's port: talosctl dials it when an endpoint names none. */
export const TALOS_API_PORT = 50000;

export interface HostPort {
  host: string;
  port: number;
}

function parsePort(text: string, endpoint: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 1 && port <= 65535)) {
    throw new NetError(
      'invalid-endpoint',
      `endpoint "${endpoint}": port "${text}" is not a number from 1 to 65535`,
    );
  }
  return port;
}

/**
 * Reads an endpoint the way talosctl accepts them: `host`, `host:port`, `[v6]`, `[v6]:port`, a bare IPv6
 * address, optionally behind `https://` (Omni-style) and with a trailing `/`. The port defaults to 50000.
 */
export function parseEndpoint(endpoint: string): HostPort {
  let rest = endpoint.trim().replace(/^(?:https|grpcs?|tcp):\/\//i, '');
  rest = rest.replace(/\/+$/, '');
  if (rest === '' || /[/\s@?#]/.test(rest)) {
    throw new NetError('invalid-endpoint', `endpoint "${endpoint}": expected host, host:port or [IPv6]:port`);
  }
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(rest);
  if (bracketed !== null) {
    const host = bracketed[1] ?? '';
    if (isIP(host) !== 6)
      throw new NetError('invalid-endpoint', `endpoint "${endpoint}": [${host}] is not an IPv6 address`);
    return { host, port: bracketed[2] === undefined ? TALOS_API_PORT : parsePort(bracketed[2], endpoint) };
  }
  if (isIP(rest) === 6) return { host: rest, port: TALOS_API_PORT };
  const colon = rest.lastIndexOf(':');
  if (colon < 0) return { host: rest, port: TALOS_API_PORT };
  if (rest.indexOf(':') !== colon) {
    throw new NetError(
      'invalid-endpoint',
      `endpoint "${endpoint}": put an IPv6 address in brackets, e.g. [fd00::1]:50000`,
    );
  }
  const host = rest.slice(0, colon);
  if (host === '') throw new NetError('invalid-endpoint', `endpoint "${endpoint}": the host is missing`);
  return { host, port: parsePort(rest.slice(colon + 1), endpoint) };
}
