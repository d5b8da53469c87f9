export default definePageConfig({
  navigationBarTitleText: '点课管理',
})
