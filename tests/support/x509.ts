// @peculiar/x509 (tests only: it builds the odd certificates the tests need) needs the reflect polyfill
// loaded before it and a WebCrypto provider (DESIGN.md "Facts about the tools"). Import x509 from here.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export { x509 };
