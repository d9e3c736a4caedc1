import { Bonjour } from 'bonjour-service';

/**
 * eSCL scanners announce themselves over mDNS as `_uscan._tcp` (`_uscans._tcp` with TLS), with
 * the resource path in the TXT record `rs` (usually "eSCL"). Listens for `timeoutMs`, then stops;
 * on networks that block multicast it finds nothing, and configured URLs still work.
 */
export async function discoverEscl(timeoutMs = 3000): Promise<string[]> {
  const bonjour = new Bonjour();
  const urls = new Set<string>();
  try {
    const browser = bonjour.find({ type: 'uscan' }, (service) => {
      const address = service.addresses?.find((a) => /^\d+\.\d+\.\d+\.\d+$/.test(a)) ?? service.host;
      const txt = (service.txt ?? {}) as Record<string, string>;
      const resource = String(txt.rs ?? 'eSCL').replace(/^\/+|\/+$/g, '');
      urls.add(`http://${address}:${service.port}/${resource}`);
    });
    await new Promise((resolve) => setTimeout(resolve, timeoutMs));
    browser.stop();
  } finally {
    bonjour.destroy();
  }
  return [...urls];
}
