export default definePageConfig({
  navigationBarTitleText: '我的任务',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
