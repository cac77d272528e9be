export default definePageConfig({
  navigationBarTitleText: '单位进展',
});
