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

/** Saves what the phone shows now as test-results/<name>.png, for a person to look at (the run goes on). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) }).catch(() => undefined);
}

/**
 * A phone-sized page (375×740 unless `width` is given, touch, zh-CN) in its own context, whose H5 app
 * runs as `openid` (Taro H5 keeps storage in localStorage as JSON {"data": …}); null: nobody yet.
 */
export async function phoneAs(browser: Browser, openid: string | null, width = 375): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 740 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  if (openid) {
    await page.addInitScript((value) => localStorage.setItem('demo-openid', JSON.stringify({ data: value })), openid);
  }
  return page;
}

/** The elements matching `selector` that show (Taro's H5 keeps pages left behind in the DOM, hidden). */
export const visible = (page: Page, selector: string) => page.locator(`${selector} >> visible=true`);

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
