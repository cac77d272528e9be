import Taro from '@tarojs/taro';
import { useCallback, useEffect } from 'react';
import { callApi } from '../services/api';
import { offerReminders } from '../services/subscribe';
import { forgetRecentAnswers, useApi } from './useApi';
import { useMutation } from './useMutation';

/** The index of the 我的 tab, where the reminders are listed. */
const ME_TAB = 2;

/** Shows the number of unread reminders on the 我的 tab (or clears it). */
export function showReminderBadge(unread: number): void {
  const quiet = () => undefined;
  if (unread > 0) Taro.setTabBarBadge({ index: ME_TAB, text: unread > 99 ? '99+' : String(unread) }).catch(quiet);
  else Taro.removeTabBarBadge({ index: ME_TAB }).catch(quiet);
}

/** Fetches the unread count for the tab badge; failures are quiet (the list shows errors). */
export async function refreshReminderBadge(): Promise<void> {
  try {
    const { unread } = await callApi('reminders.list', {}, { retry: false });
    showReminderBadge(unread);
  } catch {
    // No badge is better than an error on every tab.
  }
}

/** The caller's in-app reminders (到期, 逾期, 退回, 催办), newest first, and marking them read. */
export function useReminders(enabled: boolean) {
  const list = useApi('reminders.list', enabled ? {} : null);
  const read = useMutation('reminders.read');
  const { reload, data } = list;
  const { run } = read;

  useEffect(() => {
    if (data) showReminderBadge(data.unread);
  }, [data]);

  const markRead = useCallback(
    async (ids?: string[]) => {
      try {
        await run(ids ? { ids } : {});
      } catch {
        return; // marking read is a convenience: the list stays as it was
      }
      forgetRecentAnswers('reminders.');
      await reload();
    },
    [run, reload],
  );

  return { ...list, markRead };
}

/**
 * For a tap handler at a natural moment (报送): asks WeChat about reminders and reports what the
 * user accepted. Call it first thing in the handler (WeChat shows its dialog only in answer to a tap).
 */
export function useReminderOffer(): () => void {
  return useCallback(() => offerReminders((templateIds) => callApi('reminders.subscribe', { templateIds })), []);
}
