import Taro from '@tarojs/taro'
import { call } from './cloud'
import { setDevOpenId } from './dev-identity'
import { askSubscription, mySubscriptions, subscribe, templates } from './reminders'
import { onWeapp } from '@/test-setup/platform'

jest.mock('./cloud', () => ({ call: jest.fn(() => Promise.resolve({ ok: true, data: {} })) }))

const mockedCall = call as jest.Mock
const requestSubscribeMessage = Taro.requestSubscribeMessage as unknown as jest.Mock
const fetchMock = jest.fn()

function answerFetch(status: number, body: unknown) {
  fetchMock.mockResolvedValueOnce({ status, json: () => Promise.resolve(body) })
}

/** Lets the fire-and-forget report reach `call`. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

beforeEach(() => {
  jest.clearAllMocks()
  global.fetch = fetchMock as unknown as typeof fetch
  localStorage.clear()
})

describe('reminders service', () => {
  it('sends the contract actions', async () => {
    await templates()
    await subscribe({ t1: 'accept' })
    await mySubscriptions()
    expect(mockedCall.mock.calls).toEqual([
      ['reminders', { action: 'templates' }],
      ['reminders', { action: 'subscribe', answers: { t1: 'accept' } }],
      ['reminders', { action: 'mySubscriptions' }],
    ])
  })

  it('asks nothing for no templates', async () => {
    expect(await askSubscription([])).toEqual({})
    expect(fetchMock).not.toHaveBeenCalled()
    expect(requestSubscribeMessage).not.toHaveBeenCalled()
  })

  describe('on H5', () => {
    it('asks the local cloud as the demo identity, then reports the answers to the server', async () => {
      setDevOpenId('o_worker_001')
      answerFetch(200, { ok: true, data: { t1: 'accept', t2: 'accept' } })
      expect(await askSubscription(['t1', 't2'])).toEqual({ t1: 'accept', t2: 'accept' })
      expect(fetchMock).toHaveBeenCalledWith('/dev/subscribe', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-OpenID': 'o_worker_001' },
        body: JSON.stringify({ templateIds: ['t1', 't2'] }),
      })
      await settle()
      expect(mockedCall).toHaveBeenCalledWith('reminders', {
        action: 'subscribe',
        answers: { t1: 'accept', t2: 'accept' },
      })
    })

    it('answers {} and reports nothing when the local cloud refuses or is down', async () => {
      answerFetch(400, { ok: false, error: { code: 'COMMON.BAD_REQUEST', message: '订阅参数有误' } })
      expect(await askSubscription(['t1'])).toEqual({})
      fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'))
      expect(await askSubscription(['t1'])).toEqual({})
      await settle()
      expect(mockedCall).not.toHaveBeenCalled()
    })
  })

  describe('on the weapp', () => {
    it(
      'opens the WeChat dialog synchronously, with at most 3 templates, and keeps only their answers',
      onWeapp(async () => {
        requestSubscribeMessage.mockResolvedValueOnce({
          errMsg: 'requestSubscribeMessage:ok',
          t1: 'accept',
          t2: 'reject',
          t3: 'ban',
        })
        const asking = askSubscription(['t1', 't2', 't3', 't4'])
        // Before any await: WeChat refuses the dialog once the tap handler has yielded.
        expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['t1', 't2', 't3'] })
        expect(await asking).toEqual({ t1: 'accept', t2: 'reject', t3: 'ban' })
        expect(fetchMock).not.toHaveBeenCalled()
        await settle()
        expect(mockedCall).toHaveBeenCalledWith('reminders', {
          action: 'subscribe',
          answers: { t1: 'accept', t2: 'reject', t3: 'ban' },
        })
      }),
    )

    it(
      'answers {} when the dialog fails (main switch off, no tap) or the API is missing',
      onWeapp(async () => {
        requestSubscribeMessage.mockRejectedValueOnce({ errCode: 20004, errMsg: 'requestSubscribeMessage:fail' })
        expect(await askSubscription(['t1'])).toEqual({})
        requestSubscribeMessage.mockImplementationOnce(() => {
          throw new Error('requestSubscribeMessage is not supported')
        })
        expect(await askSubscription(['t1'])).toEqual({})
        await settle()
        expect(mockedCall).not.toHaveBeenCalled()
      }),
    )
  })

  it('reads the credits only after the answers just given have been reported', async () => {
    let reported: (value: unknown) => void = () => undefined
    mockedCall.mockImplementation((_fn: string, request: { action: string }) =>
      request.action === 'subscribe'
        ? new Promise((resolve) => {
            reported = resolve
          })
        : Promise.resolve({ ok: true, data: { credits: { lessonReminder: 1, seatOffer: 1, courseChange: 1 } } }),
    )
    answerFetch(200, { ok: true, data: { t1: 'accept' } })
    await askSubscription(['t1'])
    const reading = mySubscriptions()
    await settle()
    expect(mockedCall.mock.calls.map(([, r]) => (r as { action: string }).action)).toEqual(['subscribe'])
    reported({ ok: true, data: { credits: { lessonReminder: 1, seatOffer: 1, courseChange: 1 } } })
    await reading
    expect(mockedCall.mock.calls.map(([, r]) => (r as { action: string }).action)).toEqual([
      'subscribe',
      'mySubscriptions',
    ])
  })
})
