export default defineAppConfig({
  pages: ['pages/catalog/index'],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f4f5f7',
    navigationBarBackgroundColor: '#b4282d',
    navigationBarTitleText: '法治政府建设任务清单',
    navigationBarTextStyle: 'white',
  },
});
