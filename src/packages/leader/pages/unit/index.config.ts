export default definePageConfig({
  navigationBarTitleText: '单位进展',
  enablePullDownRefresh: true,
});
