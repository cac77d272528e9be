export default definePageConfig({
  navigationBarTitleText: '全区进展',
  enablePullDownRefresh: true,
});
