export default defineAppConfig({
  pages: ['pages/tasks/index', 'pages/task/index', 'pages/workbench/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/review', pages: ['pages/queue/index'] },
    { root: 'packages/leader', pages: ['pages/dashboard/index', 'pages/unit/index'] },
    { root: 'packages/admin', pages: ['pages/manage/index', 'pages/catalog/index', 'pages/holidays/index'] },
    { root: 'packages/more', pages: ['pages/catalog/index'] },
  ],
  // H5: no slide between pages. Taro's router hides the page left behind on a timer that showing it
  // again does not cancel, so a task opened and left within that moment blanked the list; an old
  // phone also draws the slide slowly.
  animation: false,
  preloadRule: {
    'pages/workbench/index': { network: 'all', packages: ['packages/review', 'packages/leader'] },
  },
  tabBar: {
    color: '#646a73',
    selectedColor: '#b4282d',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/tasks/index',
        text: '任务',
        iconPath: 'assets/tab/tasks.png',
        selectedIconPath: 'assets/tab/tasks-active.png',
      },
      {
        pagePath: 'pages/workbench/index',
        text: '工作台',
        iconPath: 'assets/tab/workbench.png',
        selectedIconPath: 'assets/tab/workbench-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f4f5f7',
    navigationBarBackgroundColor: '#b4282d',
    navigationBarTitleText: '法治政府建设',
    navigationBarTextStyle: 'white',
    // H5: Taro draws the navigation bar (title, and ‹ back on pushed pages) only when asked.
    navigationStyle: 'default',
  },
  // WeChat cuts an upload at 60 s unless told: a photo on a weak signal needs longer (the H5 build
  // scales its timeout to the file's size, src/services/photoPlan.ts).
  networkTimeout: { request: 20000, uploadFile: 600000, downloadFile: 120000 },
});
