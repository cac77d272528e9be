export default definePageConfig({
  navigationBarTitleText: '任务清单',
});
