/** Plain words for what a TCP connect or a TLS handshake failure means for a Talos endpoint. */

const tcpReasons: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused: nothing listens on that port (is apid running, is the port right?)',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name cannot be resolved right now (DNS failure)',
  EHOSTUNREACH: 'no route to the host',
  ENETUNREACH: 'the network is unreachable',
  ECONNRESET: 'the connection was reset',
  EADDRNOTAVAIL: 'the address is not usable from this machine',
};

export function describeTcpError(code: string): string {
  return tcpReasons[code] ?? `cannot connect (${code || 'unknown error'})`;
}

const CLOSED_AFTER_HANDSHAKE =
  'the server closed the connection after the handshake: it refused the client certificate (wrong CA, expired, or an extended key usage other than exactly clientAuth)';

/**
 * TLS alerts a Talos node sends, and the local errors before them. Talos verifies the client certificate
 * in the handshake (apid's VerifyPeerCertificate: chain to the OS CA, and since 1.12 an extended key usage
 * of exactly clientAuth; TALOS.md), so its refusal arrives as an alert.
 */
const tlsReasons: Readonly<Record<string, string>> = {
  ERR_SSL_TLSV1_ALERT_UNKNOWN_CA:
    'the node does not trust the CA that signed the client certificate (another cluster, or the OS CA was rotated)',
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE:
    'the node refused the client certificate (Talos 1.12+ requires its extended key usage to be exactly clientAuth)',
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED: 'the node says the client certificate has expired; renew it',
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN: 'the node refused the client certificate',
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: 'the node requires a client certificate and none was sent',
  ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION:
    'the server does not speak TLS 1.3, which Talos always does: is this the Talos API?',
  ERR_SSL_UNSUPPORTED_PROTOCOL:
    'the server does not speak TLS 1.3, which Talos always does: is this the Talos API?',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the server did not answer with TLS: is this the Talos API port (50000)?',
  ERR_SSL_PACKET_LENGTH_TOO_LONG: 'the server did not answer with TLS: is this the Talos API port (50000)?',
  ERR_OSSL_X509_KEY_VALUES_MISMATCH: "the context's client key does not belong to its certificate",
  ECONNRESET: CLOSED_AFTER_HANDSHAKE,
  EPIPE: CLOSED_AFTER_HANDSHAKE,
};

export function describeTlsError(code: string): string {
  return tlsReasons[code] ?? `the TLS handshake failed (${code || 'unknown error'})`;
}

/** Node's names for certificate verification failures (`authorizationError`), in words. */
const verifyReasons: Readonly<Record<string, string>> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'it is not signed by the CA in this context',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'it is not signed by the CA in this context',
  // Every Talos OS CA is named O=talos, so another cluster's chain shows up as an unknown self-signed root.
  SELF_SIGNED_CERT_IN_CHAIN: 'it is not signed by the CA in this context',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'it is self-signed',
  CERT_HAS_EXPIRED: 'it has expired',
  CERT_NOT_YET_VALID: 'it is not valid yet (check the clocks)',
  CERT_SIGNATURE_FAILURE: 'its signature does not verify',
};

export function describeVerifyError(code: string): string {
  return verifyReasons[code] ?? code;
}
