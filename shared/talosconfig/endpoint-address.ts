/**
 * What an endpoint or node may be: what talosctl can dial (TALOS.md "talosconfig file"), and nothing that
 * would land in talosctl's file as a broken or misleading line. Accepted: `host`, `host:port`, IPv4, IPv6
 * bare or as `[v6]` / `[v6]:port`, DNS names, and `https://host[:port][/]` (Omni endpoints). Pure, so the
 * contract's schemas, the services and import all use the same rule.
 */

/** Why `value` is not an address, or null when it is one. Never quotes the value: callers name it. */
export function addressProblem(value: string): string | null {
  if (value === '') return 'it is empty';
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\s\u0000-\u001f\u007f-\u009f]/.test(value)) return 'it holds spaces or control characters';
  const url = /^https:\/\/([^/]*)\/?$/i.exec(value);
  if (url) return hostPortProblem(url[1] ?? '');
  if (value.includes('://')) return 'only https:// URLs are endpoints (Omni); others are host or host:port';
  return hostPortProblem(value);
}

function hostPortProblem(text: string): string | null {
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(text);
  if (bracketed) {
    if (!isIpv6(bracketed[1] ?? '')) return 'the part in brackets is not an IPv6 address';
    return bracketed[2] === undefined ? null : portProblem(bracketed[2]);
  }
  const colons = text.split(':').length - 1;
  if (colons > 1) return isIpv6(text) ? null : 'not an IPv6 address (write [v6]:port to give a port)';
  const [host = '', port] = text.split(':');
  const problem = hostProblem(host);
  if (problem !== null) return problem;
  return port === undefined ? null : portProblem(port);
}

function portProblem(text: string): string | null {
  return /^\d{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65535
    ? null
    : 'the port is not a number from 1 to 65535';
}

const dnsLabel = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

function hostProblem(host: string): string | null {
  if (host === '') return 'the host is missing';
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  const labels = name.split('.');
  if (name.length > 253 || !labels.every((label) => dnsLabel.test(label))) {
    return 'the host is neither an IP address nor a DNS name';
  }
  // An all-numeric name can only be meant as IPv4 (no top-level domain is numeric).
  if (labels.every((label) => /^\d+$/.test(label)) && !isIpv4(name)) return 'not an IPv4 address';
  return null;
}

export function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((part) => /^(0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255);
}

/** RFC 4291 text form, with an optional zone (`fe80::1%eth0`) and an embedded IPv4 tail. */
export function isIpv6(text: string): boolean {
  const [address = '', zone, ...more] = text.split('%');
  if (more.length > 0 || (zone !== undefined && !/^[A-Za-z0-9_.-]+$/.test(zone))) return false;
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string): string[] | null => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (head === null || tail === null) return false;
  const all = [...head, ...tail];
  let count = all.length;
  const last = all[all.length - 1];
  if (last !== undefined && last.includes('.')) {
    if (!isIpv4(last)) return false;
    all.pop();
    count += 1;
  }
  if (!all.every((group) => /^[0-9A-Fa-f]{1,4}$/.test(group))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}
