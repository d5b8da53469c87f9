export default definePageConfig({
  navigationBarTitleText: '职工点课',
  enablePullDownRefresh: true,
})
