export default definePageConfig({
  navigationBarTitleText: '签到码',
  navigationBarBackgroundColor: '#c43a22',
  navigationBarTextStyle: 'white',
  backgroundColor: '#c43a22',
})
