/**
 * DNS rebinding protection for demo mode, where anyone who reaches the server can say who they
 * are (X-Openid): a page on another site whose name is made to resolve to 127.0.0.1 would send
 * its own name as the Host. Only loopback names are answered, and those configured.
 */

export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

export const HOST_REFUSED_TEXT =
  'Host not allowed: this demo server answers only localhost, 127.0.0.1 and [::1] (add others with ALLOWED_HOSTS).\n' +
  '演示模式只接受本机地址访问；其他地址请在 ALLOWED_HOSTS 中配置。\n';

/** `name` and `port` of a Host header (name lower case, IPv6 in brackets), or null when malformed. */
export function parseHost(value: string): { name: string; port: string | null } | null {
  const host = value.trim().toLowerCase();
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(host);
  if (!match) return null;
  return { name: match[1], port: match[2] ?? null };
}

/**
 * True when the Host header names a loopback host (any port) or one of `allowed`: an entry
 * `name` allows any port, `name:port` that port only.
 */
export function hostAllowed(header: string | undefined, allowed: readonly string[] = []): boolean {
  if (!header) return false;
  const host = parseHost(header);
  if (!host) return false;
  if (LOOPBACK_HOSTS.includes(host.name)) return true;
  return allowed.some((entry) => {
    const wanted = parseHost(entry);
    if (!wanted) return false;
    return wanted.name === host.name && (wanted.port === null || wanted.port === host.port);
  });
}
