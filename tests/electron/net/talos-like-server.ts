// Test helper: a TLS 1.3 server on 127.0.0.1 that authenticates clients the way Talos's apid does:
// client certificate required and chained to the OS CA, and (Talos 1.12+) every non-CA certificate in the
// chain must have extended key usage exactly [clientAuth] (apid's verifyExtKeyUsage).
import type { AddressInfo } from 'node:net';
import { createServer, type TLSSocket } from 'node:tls';
import { certificateFacts } from '../../../electron/pki/certificate-facts.js';
import { x509 } from '../../support/x509.js';
import { createTestLeaf, type TestCa } from '../pki/talos-like-ca.js';

export const CLIENT_AUTH_OID = '1.3.6.1.5.5.7.3.2';

export interface PeerRecord {
  accepted: boolean;
  roles: string[];
  extKeyUsage: string[];
}

export interface TalosLikeServer {
  port: number;
  peers: PeerRecord[];
  /** Why handshakes were refused (Node's verification codes, e.g. CERT_HAS_EXPIRED). */
  refusals: string[];
  close(): Promise<void>;
}

/** Go's reflect.DeepEqual(cert.ExtKeyUsage, []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}). */
function extKeyUsageIsExactlyClientAuth(extKeyUsage: readonly string[] | undefined): boolean {
  return extKeyUsage?.length === 1 && extKeyUsage[0] === CLIENT_AUTH_OID;
}

export async function startTalosLikeServer(
  ca: TestCa,
  serverIps: string[] = ['127.0.0.1'],
): Promise<TalosLikeServer> {
  const serverCert = await createTestLeaf(ca, {
    usages: [x509.ExtendedKeyUsage.serverAuth],
    ipAddresses: serverIps,
  });
  const peers: PeerRecord[] = [];
  const refusals: string[] = [];
  const sockets = new Set<TLSSocket>();
  const server = createServer(
    {
      ca: ca.certPem,
      cert: serverCert.certPem,
      key: serverCert.keyPem,
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.3',
      maxVersion: 'TLSv1.3',
    },
    (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
      const peer = socket.getPeerX509Certificate();
      // Node's X509Certificate.keyUsage holds the EXTENDED key usage OIDs (undefined when absent).
      const extKeyUsage = peer?.keyUsage ?? [];
      const accepted = peer !== undefined && (peer.ca || extKeyUsageIsExactlyClientAuth(extKeyUsage));
      peers.push({ accepted, roles: peer === undefined ? [] : certificateFacts(peer).roles, extKeyUsage });
      if (!accepted) {
        socket.destroy();
        return;
      }
      socket.on('data', () => undefined);
      socket.write('ok'); // like gRPC's immediate SETTINGS frame: "you are in"
    },
  );
  server.on('tlsClientError', (error: NodeJS.ErrnoException) => {
    refusals.push(error.code ?? error.message);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    peers,
    refusals,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}
