import { existsSync, mkdirSync } from 'fs';
import { join } from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(__dirname, '..', '..', 'test-results');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with apt-get install chromium (.ci/run does)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A phone-sized page (375×740, touch) in its own context. */
export async function phonePage(browser: Browser, width = 375): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 740 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
    locale: 'zh-CN',
  });
  return context.newPage();
}

/** Runs a step and saves a screenshot if it fails, so CI shows what the user would have seen. */
export async function withScreenshot<T>(page: Page, name: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) }).catch(() => undefined);
    throw error;
  }
}

/** A phone whose H5 app runs as `openid` (Taro H5 keeps storage in localStorage as JSON {"data": …}). */
export async function phoneAs(browser: Browser, openid: string | null, width = 375): Promise<Page> {
  const page = await phonePage(browser, width);
  if (openid) {
    await page.addInitScript((value) => localStorage.setItem('demo-openid', JSON.stringify({ data: value })), openid);
  }
  return page;
}

/** Calls the local cloud's API as `openid` (demo mode); throws with the server's message when refused. */
export async function apiAs<T = any>(
  url: string,
  openid: string | null,
  action: string,
  payload: unknown = {},
): Promise<T> {
  const reply = await fetch(`${url}/api/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(openid ? { 'X-Openid': openid } : {}) },
    body: JSON.stringify(payload),
  });
  const body = (await reply.json()) as { ok: boolean; data?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${action}: ${body.error?.message}`);
  return body.data as T;
}

/**
 * What sticks out sideways on the page in front: elements past the screen's edges. (Taro's H5 page
 * scrolls inside its own container, so the document's scroll width would not show it.)
 * `scope` narrows the search; photos cropped by their frame (`ignoreImages`) and content of a strip
 * narrower than the screen that scrolls sideways on purpose (`ignoreSideScrollers`) can be let be.
 */
export function spillsSideways(
  page: Page,
  options: { scope?: string; ignoreImages?: boolean; ignoreSideScrollers?: boolean } = {},
): Promise<string[]> {
  return page.evaluate(({ scope, ignoreImages, ignoreSideScrollers }) => {
    const pages = Array.from(document.querySelectorAll('.taro_page')).filter(
      (element) => getComputedStyle(element).display !== 'none',
    );
    const front = pages[pages.length - 1] ?? document.body;
    const inSideScroller = (element: Element): boolean => {
      for (let node = element.parentElement; node && node !== front; node = node.parentElement) {
        const { overflowX } = getComputedStyle(node);
        const scrolls = overflowX === 'auto' || overflowX === 'scroll';
        if (scrolls && node.getBoundingClientRect().width < window.innerWidth - 1) return true;
      }
      return false;
    };
    return Array.from(document.querySelectorAll(scope ? `${scope} *` : '*'))
      .filter((element) => front.contains(element) || Boolean(scope))
      .filter((element) => {
        if (ignoreImages && element.tagName === 'IMG') return false;
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) return false;
        const out = box.right > window.innerWidth + 0.5 || box.left < -0.5;
        return out && !(ignoreSideScrollers && inSideScroller(element));
      })
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${element.className}: ${(element.textContent ?? '').slice(0, 30)}`,
      );
  }, options);
}
