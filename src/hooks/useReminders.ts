import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import { callApi } from '../services/api';
import type { ReminderList } from '../services/apiTypes';
import { useApi } from './useApi';

/** The index of the 我的 tab, where the reminders live. */
const ME_TAB = 2;

/** Shows the number of unread reminders on the 我的 tab (or clears it). */
export function showReminderBadge(unread: number): void {
  const done = () => undefined;
  if (unread > 0) Taro.setTabBarBadge({ index: ME_TAB, text: unread > 99 ? '99+' : String(unread) }).catch(done);
  else Taro.removeTabBarBadge({ index: ME_TAB }).catch(done);
}

/** The caller's reminders, newest first, and a way to mark them read. */
export function useReminders(enabled: boolean) {
  const state = useApi<ReminderList>('reminders.list', enabled ? {} : null);
  const markAllRead = useCallback(async () => {
    await callApi('reminders.read', {});
    showReminderBadge(0);
    await state.reload();
  }, [state]);
  return { ...state, markAllRead };
}

/** Fetches the unread count for the tab badge; failures are quiet (the list page shows errors). */
export async function refreshReminderBadge(): Promise<void> {
  try {
    const { unread } = await callApi<ReminderList>('reminders.list', {}, { retry: false });
    showReminderBadge(unread);
  } catch {
    // No badge is better than an error on every tab.
  }
}
