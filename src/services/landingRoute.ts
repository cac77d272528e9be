import type { Landing } from '../contract/replies';

/** Where the app opens, as pure decisions (services/landing.ts acts on them). */

export const TAB_PAGES = ['pages/tasks/index', 'pages/workbench/index', 'pages/me/index'] as const;
export type TabPage = (typeof TAB_PAGES)[number];

const LANDING_PAGE: Record<Exclude<Landing, 'tasks'>, string> = {
  dashboard: 'packages/leader/pages/dashboard/index',
  manage: 'packages/admin/pages/manage/index',
  review: 'packages/review/pages/queue/index',
};

export function asTab(path: string | null | undefined): TabPage | null {
  const bare = (path ?? '').replace(/^\//, '').split('?')[0];
  return (TAB_PAGES as readonly string[]).includes(bare) ? (bare as TabPage) : null;
}

/** Pure: the tab to open and the page to open over it, from the server's landing and the tab last used. */
export function landingRoute(landing: Landing, lastUsed: string | null): { tab: TabPage; page: string | null } {
  const tab = asTab(lastUsed);
  if (tab) return { tab, page: null };
  if (landing === 'tasks') return { tab: 'pages/tasks/index', page: null };
  return { tab: 'pages/workbench/index', page: LANDING_PAGE[landing] };
}
