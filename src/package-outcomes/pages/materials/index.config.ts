export default definePageConfig({
  navigationBarTitleText: '课程资料',
  enablePullDownRefresh: true,
})
