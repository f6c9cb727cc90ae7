import { describe, expect, it } from 'vitest';
import { parseEndpoint } from '../../../electron/net/endpoint.js';
import { NetError } from '../../../electron/net/net-error.js';

describe('parseEndpoint', () => {
  it.each([
    ['10.0.0.1', '10.0.0.1', 50000],
    ['10.0.0.1:50001', '10.0.0.1', 50001],
    ['node-1.example.com', 'node-1.example.com', 50000],
    ['node-1.example.com:443', 'node-1.example.com', 443],
    ['[::1]:50000', '::1', 50000],
    ['[fd00::10]', 'fd00::10', 50000],
    ['fd00::10', 'fd00::10', 50000],
    ['https://cluster.omni.example.io', 'cluster.omni.example.io', 50000],
    ['https://10.0.0.1:50000/', '10.0.0.1', 50000],
    ['  10.0.0.1  ', '10.0.0.1', 50000],
  ])('reads %j as %s port %d', (endpoint, host, port) => {
    expect(parseEndpoint(endpoint)).toEqual({ host, port });
  });

  it.each([
    ['', 'expected host'],
    ['10.0.0.1:0', 'port "0"'],
    ['10.0.0.1:65536', 'port "65536"'],
    ['10.0.0.1:http', 'port "http"'],
    ['[zz::1]:50000', 'is not an IPv6 address'],
    ['a:b:c', 'put an IPv6 address in brackets'],
    [':50000', 'the host is missing'],
    ['https://10.0.0.1/v1/path', 'expected host'],
    ['user@10.0.0.1', 'expected host'],
  ])('refuses %j, naming it', (endpoint, words) => {
    let error: unknown;
    try {
      parseEndpoint(endpoint);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(NetError);
    expect((error as NetError).code).toBe('invalid-endpoint');
    expect((error as NetError).message).toContain(`"${endpoint}"`);
    expect((error as NetError).message).toContain(words);
  });
});
