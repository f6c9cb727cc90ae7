import { connect as tcpConnect, isIP, type Socket } from 'node:net';
import { checkServerIdentity, connect as tlsConnect, type TLSSocket } from 'node:tls';
import { certificateFacts, readCertificateDer } from '../pki/certificate-facts.js';
import { readPrivateKeyPem } from '../pki/private-key.js';
import { describeTcpError, describeTlsError, describeVerifyError } from './describe-connection-error.js';
import { parseEndpoint } from './endpoint.js';
import { UsageError } from '../../shared/user-error.js';
import { NetError } from './net-error.js';

export type ProbeFindingCode =
  | 'invalid-endpoint'
  | 'unreachable'
  | 'tls-handshake-failed'
  | 'server-cert-untrusted'
  | 'server-name-mismatch';

export interface ProbeFinding {
  code: ProbeFindingCode;
  message: string;
}

export interface ProbeResult {
  endpoint: string;
  host: string;
  port: number;
  reachable: boolean;
  /** `ok` only when the node took the handshake with this context's certificate and nothing was wrong. */
  tls: 'ok' | 'failed';
  findings: ProbeFinding[];
  serverCert?: { subject: string; notAfter: string };
}

export interface ProbeInput {
  endpoint: string;
  /** The context's accepted CAs (PEM, may be several). */
  ca: string;
  /** The context's client certificate and key (PEM; Talos's key labels are accepted). */
  cert: string;
  key: string;
  timeoutMs: number;
  /** Stops the probe at once (the app's Cancel): sockets are destroyed and the probe fails `cancelled`. */
  signal?: AbortSignal;
}

/** HTTP/2 client preface + empty SETTINGS: what talosctl's gRPC client sends first. */
const H2_PREFACE = Buffer.concat([
  Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1'),
  Buffer.from([0, 0, 0, 4, 0, 0, 0, 0, 0]),
]);

/** How long to wait, after the handshake, for the node's first bytes or its refusal. */
const VERDICT_WAIT_MS = 3_000;

function ignore(): void {
  // Errors are read by the once('error') listeners that matter; this one only keeps them handled.
}

function cancelled(): UsageError {
  return new UsageError('the check was cancelled', 'cancelled');
}

/**
 * Destroys `socket` when `signal` aborts, so whatever waits on it settles at once; returns the unhook.
 * The waiter then sees an error or a close, and the probe reports `cancelled` instead of a finding.
 */
function destroyOnAbort(socket: Socket, signal: AbortSignal | undefined): () => void {
  if (signal === undefined) return () => undefined;
  const onAbort = (): void => {
    socket.destroy();
  };
  signal.addEventListener('abort', onAbort);
  return () => {
    signal.removeEventListener('abort', onAbort);
  };
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? '';
}

function openTcp(
  host: string,
  port: number,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect({ host, port });
    socket.on('error', ignore);
    const unhook = destroyOnAbort(socket, signal);
    const settle = (): void => {
      clearTimeout(timer);
      unhook();
    };
    const timer = setTimeout(() => {
      socket.destroy();
      settle();
      reject(new Error(`no answer within ${timeoutMs} ms (a firewall, or the wrong address)`));
    }, timeoutMs);
    socket.once('connect', () => {
      settle();
      resolve(socket);
    });
    socket.once('error', (error) => {
      settle();
      reject(new Error(describeTcpError(errorCode(error))));
    });
    socket.once('close', () => {
      // Destroyed by an abort before it connected: no 'error' follows.
      settle();
      reject(new Error('the connection was closed'));
    });
  });
}

function handshake(socket: Socket, input: ProbeInput, host: string, timeoutMs: number): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    // Node's TLS stack refuses Talos's `ED25519 PRIVATE KEY` label; hand it PKCS#8.
    const key = readPrivateKeyPem(input.key, 'key').export({ type: 'pkcs8', format: 'pem' });
    let secure: TLSSocket;
    try {
      secure = tlsConnect({
        socket,
        ca: input.ca,
        cert: input.cert,
        key,
        minVersion: 'TLSv1.3',
        maxVersion: 'TLSv1.3',
        ALPNProtocols: ['h2'],
        // Verified below, chain and name apart, so that each problem is reported rather than only refused.
        rejectUnauthorized: false,
        checkServerIdentity: () => undefined,
        host,
        ...(isIP(host) === 0 ? { servername: host } : {}),
      });
    } catch (error) {
      reject(new Error(describeTlsError(errorCode(error))));
      return;
    }
    // Late alerts can follow the ones awaited below; an unheard 'error' would crash the process.
    secure.on('error', ignore);
    const timer = setTimeout(() => {
      secure.destroy();
      reject(new Error(`the TLS handshake did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    secure.once('secureConnect', () => {
      clearTimeout(timer);
      resolve(secure);
    });
    secure.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(describeTlsError(errorCode(error))));
    });
  });
}

/**
 * In TLS 1.3 the client finishes its handshake before the server has judged the client certificate; the
 * refusal (an alert, or a closed connection) comes just after. A gRPC server that accepts sends its HTTP/2
 * SETTINGS at once, so the first bytes from the node mean "accepted".
 */
function awaitVerdict(socket: TLSSocket, waitMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const done = (refusal: string | undefined): void => {
      clearTimeout(timer);
      resolve(refusal);
    };
    const timer = setTimeout(() => {
      done(undefined);
    }, waitMs);
    socket.once('data', () => {
      done(undefined);
    });
    socket.once('error', (error) => {
      done(describeTlsError(errorCode(error)));
    });
    socket.once('end', () => {
      done(describeTlsError('ECONNRESET'));
    });
    socket.write(H2_PREFACE);
  });
}

/**
 * Checks that a context can reach one endpoint: TCP connect, a TLS 1.3 handshake presenting its client
 * certificate, the server certificate checked against its `ca` and against the endpoint's address (Talos
 * server certificates carry IP SANs), and the node's verdict on the client certificate. Connects only to
 * the endpoint given; each failure becomes a finding that says what to do.
 */
export async function probeEndpoint(input: ProbeInput): Promise<ProbeResult> {
  const aborted = (): boolean => input.signal?.aborted === true;
  if (aborted()) throw cancelled();
  const result = await probe(input);
  if (aborted()) throw cancelled();
  return result;
}

async function probe(input: ProbeInput): Promise<ProbeResult> {
  let host: string;
  let port: number;
  try {
    ({ host, port } = parseEndpoint(input.endpoint));
  } catch (error) {
    if (!(error instanceof NetError)) throw error;
    const finding: ProbeFinding = { code: 'invalid-endpoint', message: error.message };
    return {
      endpoint: input.endpoint,
      host: '',
      port: 0,
      reachable: false,
      tls: 'failed',
      findings: [finding],
    };
  }
  const result: ProbeResult = {
    endpoint: input.endpoint,
    host,
    port,
    reachable: false,
    tls: 'failed',
    findings: [],
  };
  const where = `endpoint ${input.endpoint}`;
  const deadline = Date.now() + input.timeoutMs;

  let socket: Socket;
  try {
    socket = await openTcp(host, port, input.timeoutMs, input.signal);
  } catch (error) {
    result.findings.push({ code: 'unreachable', message: `${where}: ${(error as Error).message}` });
    return result;
  }
  result.reachable = true;

  let secure: TLSSocket | undefined;
  const unhook = destroyOnAbort(socket, input.signal);
  try {
    secure = await handshake(socket, input, host, Math.max(1, deadline - Date.now()));
    // Read the peer certificate once: on Node 20 a second read (either getter) can come back empty.
    const peer = secure.getPeerCertificate();
    if (Buffer.isBuffer(peer.raw)) {
      const facts = certificateFacts(readCertificateDer(peer.raw, `${where}: the server's certificate`));
      result.serverCert = { subject: facts.subject, notAfter: facts.notAfter };
    }
    if (!secure.authorized) {
      const reason = describeVerifyError(String(secure.authorizationError));
      result.findings.push({
        code: 'server-cert-untrusted',
        message: `${where}: the server's certificate is not trusted: ${reason}; this context's ca may belong to another cluster or predate a CA rotation`,
      });
      return result;
    }
    const identityError = checkServerIdentity(host, peer);
    if (identityError !== undefined) {
      result.findings.push({
        code: 'server-name-mismatch',
        message: `${where}: the server's certificate does not name ${host}, so talosctl will refuse it; use an address from its SANs or add this one to machine.certSANs`,
      });
    }
    const refusal = await awaitVerdict(secure, Math.min(VERDICT_WAIT_MS, Math.max(1, deadline - Date.now())));
    if (refusal !== undefined) {
      result.findings.push({ code: 'tls-handshake-failed', message: `${where}: ${refusal}` });
    }
  } catch (error) {
    result.findings.push({ code: 'tls-handshake-failed', message: `${where}: ${(error as Error).message}` });
  } finally {
    unhook();
    (secure ?? socket).destroy();
  }
  result.tls = result.findings.length === 0 ? 'ok' : 'failed';
  return result;
}
