export default definePageConfig({
  navigationBarTitleText: '结业认定',
})
