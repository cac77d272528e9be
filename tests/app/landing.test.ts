import { asTab, landingRoute } from '../../src/services/landingRoute';

describe('where the app opens', () => {
  it('lands a leader on 全区进展, an admin on 管理, a reviewer with work on 审核, over the 工作台 tab', () => {
    expect(landingRoute('dashboard', null)).toEqual({
      tab: 'pages/workbench/index',
      page: 'packages/leader/pages/dashboard/index',
    });
    expect(landingRoute('manage', null)).toEqual({
      tab: 'pages/workbench/index',
      page: 'packages/admin/pages/manage/index',
    });
    expect(landingRoute('review', null)).toEqual({
      tab: 'pages/workbench/index',
      page: 'packages/review/pages/queue/index',
    });
    expect(landingRoute('tasks', null)).toEqual({ tab: 'pages/tasks/index', page: null });
  });

  it('opens the tab the person last tapped instead, once they have tapped one', () => {
    expect(landingRoute('dashboard', 'pages/tasks/index')).toEqual({ tab: 'pages/tasks/index', page: null });
    expect(landingRoute('tasks', '/pages/me/index')).toEqual({ tab: 'pages/me/index', page: null });
    // Something that is no tab (an old or damaged value) is not obeyed.
    expect(landingRoute('manage', 'packages/admin/pages/manage/index').page).toBe('packages/admin/pages/manage/index');
  });

  it('reads a tab from a page path with or without its slash and query', () => {
    expect(asTab('/pages/workbench/index?from=tab')).toBe('pages/workbench/index');
    expect(asTab('pages/task/index')).toBeNull();
    expect(asTab(undefined)).toBeNull();
  });
});
