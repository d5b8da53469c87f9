export default definePageConfig({
  navigationBarTitleText: '结业与证书',
})
