import { useEffect } from 'react';
import Taro, { useReady, useTabItemTap } from '@tarojs/taro';
import { land, rememberTab, takeLandingPage } from '../services/landing';
import { useSession } from './useSession';

/** On the home page: opens where this person lands (services/landing.ts), once per launch. */
export function useLanding(): void {
  const { session } = useSession();
  useEffect(() => {
    if (session) void land(session).catch(() => undefined);
  }, [session]);
}

/** On each tab page: a tap on the tab bar is remembered, and that tab opens next time. */
export function useTabMemory(): void {
  const { session } = useSession();
  const openid = session?.user?.openid ?? null;
  useTabItemTap((item) => {
    if (openid) rememberTab(openid, item.pagePath);
  });
}

/** On the 工作台: when the app landed here on its way to 全区进展, 管理 or 审核, opens that page. */
export function useLandingOverTab(): void {
  useReady(() => {
    const page = takeLandingPage();
    if (page) void Taro.navigateTo({ url: `/${page}` });
  });
}
