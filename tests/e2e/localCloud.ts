import { rmSync } from 'fs';
import type { Browser, Page } from 'playwright-core';
import { startLocalServer, type RunningServer } from '../support/localServer';
import { launchBrowser, phoneAs } from './browser';

/** What an e2e file drives: the local cloud serving the H5 app, and a Chromium to open it in. */
export interface LocalCloud {
  /** Where the local cloud answers, e.g. http://127.0.0.1:41234 (the app at `${url}/#/pages/…`). */
  readonly url: string;
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A phone-sized page (touch, zh-CN) whose H5 app runs as `openid`; null: nobody bound yet. */
  phoneAs(openid: string | null, width?: number): Promise<Page>;
  /** Calls the API as `openid` (demo mode) and returns the data; throws with the server's message when refused. */
  api<T = any>(openid: string | null, action: string, payload?: unknown): Promise<T>;
}

/**
 * The one setup of the e2e files: before the file's tests, the local cloud in demo mode (seeded, in a
 * fresh data folder, on a free port) and a headless Chromium; after them, both closed and the data
 * folder removed. Call it at the top of the file's `describe`; its fields are ready inside the tests
 * and in `beforeAll` hooks declared after it. `width` is the phones' default width in CSS px.
 */
export function setUpLocalCloud({ width = 375 }: { width?: number } = {}): LocalCloud {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startLocalServer();
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) rmSync(server.dataDir, { recursive: true, force: true });
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`the ${what} is not started yet: use it inside a test or a later beforeAll`);
    return value;
  };

  return {
    get url() {
      return ready(server, 'local cloud').url;
    },
    get server() {
      return ready(server, 'local cloud');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    phoneAs: (openid, phoneWidth = width) => phoneAs(ready(browser, 'browser'), openid, phoneWidth),
    api: async <T = any>(openid: string | null, action: string, payload: unknown = {}): Promise<T> => {
      const reply = await fetch(`${ready(server, 'local cloud').url}/api/${action}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(openid ? { 'X-Openid': openid } : {}) },
        body: JSON.stringify(payload),
      });
      const body = (await reply.json()) as { ok: boolean; data?: T; error?: { message: string } };
      if (!body.ok) throw new Error(`${action}: ${body.error?.message}`);
      return body.data as T;
    },
  };
}
