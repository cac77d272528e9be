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
