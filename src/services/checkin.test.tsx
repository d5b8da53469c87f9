import Taro from '@tarojs/taro'
import { call } from './cloud'
import { checkIn, issueCheckinCode, markAttendance, scanCheckinCode } from './checkin'
import { keepScreenOn } from './device'
import { onWeapp } from '@/test-setup/platform'

jest.mock('./cloud', () => ({ call: jest.fn(() => Promise.resolve({ ok: true, data: {} })) }))

const scanCode = Taro.scanCode as unknown as jest.Mock
const setKeepScreenOn = Taro.setKeepScreenOn as unknown as jest.Mock

beforeEach(() => jest.clearAllMocks())

describe('checkin service', () => {
  it('sends the contract actions', async () => {
    await issueCheckinCode('l1')
    await checkIn('pages/checkin/index?scene=abc')
    await markAttendance('l1', 'r1', '手机没电')
    expect((call as jest.Mock).mock.calls).toEqual([
      ['checkin', { action: 'issueCheckinCode', lessonId: 'l1', withImage: true }],
      ['checkin', { action: 'checkIn', code: 'pages/checkin/index?scene=abc' }],
      ['checkin', { action: 'markAttendance', lessonId: 'l1', ref: 'r1', reason: '手机没电' }],
    ])
  })

  it('has no scanner on H5', async () => {
    expect(await scanCheckinCode()).toBeNull()
    expect(scanCode).not.toHaveBeenCalled()
  })

  it(
    'scans from the camera only, preferring the mini-program path over the raw text',
    onWeapp(async () => {
      scanCode.mockResolvedValueOnce({ path: 'pages/checkin/index?scene=abc', result: '*raw*' })
      expect(await scanCheckinCode()).toBe('pages/checkin/index?scene=abc')
      expect(scanCode).toHaveBeenCalledWith({ onlyFromCamera: true, scanType: ['qrCode', 'wxCode'] })
      scanCode.mockResolvedValueOnce({ path: '', result: 'https://example.com/?scene=abc' })
      expect(await scanCheckinCode()).toBe('https://example.com/?scene=abc')
    }),
  )

  it(
    'answers null when the worker closes the scanner',
    onWeapp(async () => {
      scanCode.mockRejectedValueOnce({ errMsg: 'scanCode:fail cancel' })
      expect(await scanCheckinCode()).toBeNull()
    }),
  )

  it(
    'keeps the screen on only where the platform can',
    onWeapp(async () => {
      keepScreenOn(true)
      expect(setKeepScreenOn).toHaveBeenCalledWith({ keepScreenOn: true })
    }),
  )
})
