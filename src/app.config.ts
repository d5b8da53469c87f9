export default defineAppConfig({
  pages: [
    'pages/catalog/index',
    'pages/me/index',
    'pages/course/index',
    'pages/profile/index',
    'pages/login/index',
    // Main package: WeChat's camera opens it straight from the wxacode at the door.
    'pages/checkin/index',
  ],
  // Staff screens load on demand so the workers' main package stays small.
  subPackages: [
    {
      root: 'package-staff',
      pages: [
        'pages/home/index',
        'pages/courses/index',
        'pages/course-edit/index',
        'pages/course-manage/index',
        'pages/roster/index',
        'pages/import/index',
        'pages/checkin-code/index',
        'pages/attendance/index',
        'pages/progress/index',
        'pages/outcomes-courses/index',
        'pages/outcomes-course/index',
        'pages/outcomes-instructors/index',
        'pages/outcomes-report/index',
        'pages/wishes/index',
        'pages/lesson-materials/index',
      ],
    },
    // Certificates, their verification and the canvas/QR code that draws them: not needed at launch.
    {
      root: 'package-outcomes',
      pages: [
        'pages/certificates/index',
        'pages/certificate/index',
        'pages/verify/index',
        'pages/evaluations/index',
        'pages/evaluate/index',
        'pages/wishes/index',
        'pages/materials/index',
        // 我的 → 签到码 (反扫): a worker's personal code, opened on the day of a lesson.
        'pages/checkin-pass/index',
      ],
    },
  ],
  // Check-in compares the phone's position with the venue's (WeChat requires both declarations, and
  // the privacy guide in the admin console must list 位置信息; docs/go-live.md).
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '签到时确认您在上课地点附近（只在签到时使用，不保存轨迹）' },
  },
  window: {
    // The weapp's own bar already has back; this turns on Taro's bar in H5 too (back on pages opened
    // from another, the title alone on tab pages), which H5 otherwise leaves out.
    navigationStyle: 'default',
    navigationBarTitleText: '新质课堂',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#646a73',
    selectedColor: '#e5482d',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/catalog/index',
        text: '课程',
        iconPath: 'assets/tab/catalog.png',
        selectedIconPath: 'assets/tab/catalog-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
})
