export default definePageConfig({
  navigationBarTitleText: '评价课程',
})
