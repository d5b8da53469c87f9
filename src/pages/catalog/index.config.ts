export default definePageConfig({
  navigationBarTitleText: '新质课堂',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
})
