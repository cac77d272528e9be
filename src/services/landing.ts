import Taro from '@tarojs/taro';
import type { Landing } from '../contract/replies';
import { asTab, landingRoute, type TabPage } from './landingRoute';
import { IS_H5 } from './platform';
import { opensTaskList } from './routes';

/**
 * Where the app opens. Until a person picks a tab of their own, the server says (`session.landing`):
 * 区领导 on 全区进展, an admin on 管理, a reviewer on 审核 while something waits, everyone else on the
 * task list. Each landing page is reached through the 工作台 tab, so back from it goes to the
 * person's hub. Once they tap a tab, that tab is remembered on the phone and opens next time.
 */

const keyOf = (openid: string) => `last-tab:${openid}`;

/** The tab this person last tapped on this phone, if any. */
export function lastTab(openid: string): TabPage | null {
  try {
    return asTab(Taro.getStorageSync(keyOf(openid)) as string);
  } catch {
    return null;
  }
}

/** Remembers the tab this person just tapped (a tab bar tap: `useTabItemTap`). */
export function rememberTab(openid: string, pagePath: string): void {
  const tab = asTab(pagePath);
  if (!tab) return;
  try {
    Taro.setStorageSync(keyOf(openid), tab);
  } catch {
    // a full storage: the landing stays the server's
  }
}

let launchHash: string | null = null;
let settled = false;

/** Called once as the app starts (H5: the address it was opened at). */
export function noteLaunch(): void {
  if (IS_H5 && typeof window !== 'undefined') launchHash = window.location.hash;
}

/** Whether the app was opened on its home page (no other page named): only then does it land. */
function launchedOnHome(): boolean {
  if (IS_H5) return launchHash !== null && opensTaskList(launchHash);
  try {
    return asTab(Taro.getLaunchOptionsSync().path) === 'pages/tasks/index';
  } catch {
    return false;
  }
}

/**
 * Opens the landing page, once per launch, when the app was opened on its home page and is still
 * there. Called with the first session the app gets (an unbound visitor settles it too: binding
 * later does not carry them off the page they are on).
 */
export async function land(session: { landing: Landing; user: { openid: string } | null }): Promise<void> {
  if (settled) return;
  settled = true;
  if (!session.user || !launchedOnHome()) return;
  const pages = Taro.getCurrentPages();
  if (asTab(pages[pages.length - 1]?.route) !== 'pages/tasks/index') return;
  const route = landingRoute(session.landing, lastTab(session.user.openid));
  if (route.tab === 'pages/tasks/index') {
    if (route.page) await Taro.navigateTo({ url: `/${route.page}` });
    return;
  }
  // The page over the tab is opened by the tab once it has shown (`takeLandingPage`): opened
  // before, the tab's page would come in over it.
  overTab = route.page;
  await Taro.switchTab({ url: `/${route.tab}` });
}

let overTab: string | null = null;

/** For the tab landed on, once it is ready: the page to open over it (once), if any. */
export function takeLandingPage(): string | null {
  const page = overTab;
  overTab = null;
  return page;
}
