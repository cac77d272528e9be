import type { CDPSession, Page } from 'playwright-core';

/** ≈ 3G in the countryside, as the issue measured it: 400 kbit/s down and up, 400 ms round trip. */
export const WEAK_SIGNAL = {
  offline: false,
  latency: 400,
  downloadThroughput: (400 * 1000) / 8,
  uploadThroughput: (400 * 1000) / 8,
};

export const OFFLINE = { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };

/** A CDP session on the page with the network emulated as `conditions` (the weak signal unless said). */
export async function emulateLink(page: Page, conditions = WEAK_SIGNAL): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', conditions);
  return cdp;
}

/** Bytes on the wire per request, as Chromium counts them (headers and compressed body). */
export class WireMeter {
  private readonly bytes = new Map<string, number>();
  private readonly announced = new Map<string, number>();
  private readonly types = new Map<string, string>();

  constructor(cdp: CDPSession) {
    cdp.on('Network.requestWillBeSent', (event) => this.types.set(event.requestId, event.type ?? ''));
    cdp.on('Network.responseReceived', (event) => {
      this.types.set(event.requestId, event.type ?? this.types.get(event.requestId) ?? '');
      const length = Number(event.response.headers['Content-Length'] ?? event.response.headers['content-length']);
      if (Number.isFinite(length)) this.announced.set(event.requestId, length);
    });
    cdp.on('Network.dataReceived', (event) =>
      this.bytes.set(event.requestId, (this.bytes.get(event.requestId) ?? 0) + event.encodedDataLength),
    );
    cdp.on('Network.loadingFinished', (event) =>
      this.bytes.set(event.requestId, Math.max(this.bytes.get(event.requestId) ?? 0, event.encodedDataLength)),
    );
  }

  reset(): void {
    this.bytes.clear();
    this.announced.clear();
  }

  total(): number {
    return [...this.bytes.values()].reduce((sum, value) => sum + value, 0);
  }

  /** Image bytes, counting a response still arriving at the size it announced. */
  images(): number {
    let sum = 0;
    for (const [id, type] of this.types) {
      if (type !== 'Image') continue;
      sum += Math.max(this.bytes.get(id) ?? 0, this.announced.get(id) ?? 0);
    }
    return sum;
  }
}
