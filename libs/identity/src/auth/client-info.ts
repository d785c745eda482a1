import Bowser from 'bowser';

/** Where a request came from: the client address (behind TRUST_PROXY, the forwarded one) and its agent. */
export interface ClientInfo {
  address: string;
  userAgent: string | null;
}

export function clientInfo(req: { ip?: string; headers: Record<string, unknown> }): ClientInfo {
  const ua = req.headers['user-agent'];
  return { address: req.ip ?? 'unknown', userAgent: typeof ua === 'string' && ua ? ua.slice(0, 500) : null };
}

/** A person's name for a device, from its user agent: "Firefox 128 on Windows", or "Unknown device". */
export function deviceName(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const parsed = Bowser.parse(userAgent);
  const browser = [parsed.browser.name, parsed.browser.version?.split('.')[0]].filter(Boolean).join(' ');
  const os = parsed.os.name;
  if (browser && os) return `${browser} on ${os}`;
  return browser || os || userAgent.slice(0, 60);
}
