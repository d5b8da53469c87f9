export default definePageConfig({
  navigationBarTitleText: '项目成效',
  enablePullDownRefresh: true,
})
