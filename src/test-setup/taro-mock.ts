/**
 * The slice of @tarojs/taro our pages and hooks use. Navigation and feedback calls are jest.fn()s so tests
 * can assert on them; `__setRouterParams` sets what useRouter() returns. The real Taro types lack it, so
 * tests import it from here by path: `import { __setRouterParams } from '@/test-setup/taro-mock'` (the same
 * module jest maps @tarojs/taro to).
 */
const resolved = () => jest.fn(() => Promise.resolve({ errMsg: 'ok' }))

let routerParams: Record<string, string> = {}

const Taro = {
  navigateTo: resolved(),
  navigateBack: resolved(),
  redirectTo: resolved(),
  reLaunch: resolved(),
  switchTab: resolved(),
  showToast: resolved(),
  hideToast: resolved(),
  showLoading: resolved(),
  hideLoading: resolved(),
  showModal: jest.fn(() => Promise.resolve({ confirm: true, cancel: false, errMsg: 'ok' })),
  stopPullDownRefresh: jest.fn(),
  setNavigationBarTitle: resolved(),
  getCurrentPages: jest.fn(() => [{ route: 'pages/catalog/index' }, { route: 'pages/profile/index' }]),
  getEnv: jest.fn(() => 'WEB'),
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  cloud: { init: jest.fn(), callFunction: jest.fn() },
  request: jest.fn(),
  getStorageSync: jest.fn(),
  setStorageSync: jest.fn(),
  scanCode: jest.fn(),
  setKeepScreenOn: resolved(),
  showTabBarRedDot: resolved(),
  hideTabBarRedDot: resolved(),
  requestSubscribeMessage: jest.fn(() => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok' })),
}

export const useRouter = jest.fn(() => ({ params: routerParams, path: '' }))
export const useLaunch = jest.fn()
export const useDidShow = jest.fn()
export const useDidHide = jest.fn()
export const usePullDownRefresh = jest.fn()
export const useReachBottom = jest.fn()
export const useLoad = jest.fn()
export const useReady = jest.fn()

export function __setRouterParams(params: Record<string, string>): void {
  routerParams = params
}

export const {
  navigateTo,
  navigateBack,
  redirectTo,
  reLaunch,
  switchTab,
  showToast,
  showModal,
  stopPullDownRefresh,
  setNavigationBarTitle,
  getCurrentPages,
  getEnv,
} = Taro

export default Taro
