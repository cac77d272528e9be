import { useRef } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';

/** Why a page refreshes: pulled down, or shown again (back from another page, or the app from the background). */
export type RefreshCause = 'pull' | 'return';

export interface PageRefreshOptions {
  /** Refresh on pull-down (the page's config sets `enablePullDownRefresh`). Default true. */
  pullDown?: boolean;
  /** Refresh when the page shows again; its first show is its first load, which it does itself. Default true. */
  returning?: boolean;
}

/**
 * A page's refreshing, in one place: a pull-down runs `refresh('pull')` and stops the spinner when
 * it settles; every show after the first runs `refresh('return')`, since what was done on another
 * page (or by someone else meanwhile) may have changed what this one shows.
 */
export function usePageRefresh(
  refresh: (cause: RefreshCause) => unknown,
  { pullDown = true, returning = true }: PageRefreshOptions = {},
): void {
  const shownBefore = useRef(false);

  usePullDownRefresh(() => {
    if (!pullDown) return;
    void Promise.resolve(refresh('pull')).finally(() => Taro.stopPullDownRefresh());
  });

  useDidShow(() => {
    if (shownBefore.current && returning) void refresh('return');
    shownBefore.current = true;
  });
}
