export default definePageConfig({
  navigationBarTitleText: '导入课程表',
})
