export default definePageConfig({
  navigationBarTitleText: '课次资料',
  enablePullDownRefresh: true,
})
