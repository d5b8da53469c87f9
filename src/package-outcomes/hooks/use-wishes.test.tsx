import { act, renderHook, waitFor } from '@testing-library/react'
import type { Reply } from '@core'
import type { WishesPage, WishView } from '@core/contracts/wishes'
import * as service from '@/services/wishes'
import * as reminders from '@/services/reminders'
import { forgetReminderTemplates } from '@/hooks/use-reminder-templates'
import { useWishes } from './use-wishes'

jest.mock('@/services/wishes', () => ({
  listWishes: jest.fn(),
  proposeWish: jest.fn(),
  voteWish: jest.fn(),
}))
jest.mock('@/services/reminders', () => ({
  templates: jest.fn(),
  askSubscription: jest.fn(() => Promise.resolve({})),
}))

const mocked = service as jest.Mocked<typeof service>
const asked = reminders as jest.Mocked<typeof reminders>

const wish = (over: Partial<WishView> = {}): WishView => ({
  id: 'w1',
  title: '用 AI 写工作总结',
  detail: '',
  category: '人工智能',
  state: 'published',
  votes: 3,
  votedByMe: false,
  mine: false,
  closeReason: null,
  createdAt: '2026-12-01T01:00:00.000Z',
  ...over,
})
const page = (wishes: WishView[]): Reply<WishesPage> => ({ ok: true, data: { wishes, nextCursor: null, mine: [] } })

beforeEach(() => {
  jest.clearAllMocks()
  forgetReminderTemplates()
  asked.templates.mockResolvedValue({
    ok: true,
    data: {
      templates: [
        { kind: 'lessonReminder', id: 't_lesson' },
        { kind: 'courseChange', id: 't_change' },
      ],
    },
  })
  mocked.listWishes.mockResolvedValue(page([wish(), wish({ id: 'w2', votes: 1 })]))
})

async function ready() {
  const hook = renderHook(() => useWishes())
  await waitFor(() => expect(hook.result.current.wishes).toHaveLength(2))
  await waitFor(() => expect(asked.templates).toHaveBeenCalled())
  return hook
}

it('a vote shows on its wish at once, and the tap asks only for the course-opening message', async () => {
  const hook = await ready()
  mocked.voteWish.mockResolvedValue({
    ok: true,
    data: { wish: wish({ votes: 4, votedByMe: true }), redirected: false },
  })
  let refused: unknown = 'unset'
  await act(async () => {
    refused = await hook.result.current.vote('w1')
  })
  expect(refused).toBeNull()
  expect(asked.askSubscription).toHaveBeenCalledWith(['t_change'])
  expect(hook.result.current.wishes[0]).toMatchObject({ id: 'w1', votes: 4, votedByMe: true })
  expect(hook.result.current.wishes[1]).toMatchObject({ id: 'w2', votedByMe: false })
})

it('a repeat vote refused by the server shows the wish as voted, and other refusals leave it as it was', async () => {
  const hook = await ready()
  mocked.voteWish.mockResolvedValueOnce({
    ok: false,
    error: { code: 'WISH.ALREADY_VOTED', message: '您已经为这门课投过票了' },
  })
  await act(async () => {
    await hook.result.current.vote('w1')
  })
  expect(hook.result.current.wishes[0].votedByMe).toBe(true)
  mocked.voteWish.mockResolvedValueOnce({
    ok: false,
    error: { code: 'WISH.NOT_OPEN', message: '这条点课已经结束投票' },
  })
  let refused: { code: string } | null = null
  await act(async () => {
    refused = await hook.result.current.vote('w2')
  })
  expect(refused).toMatchObject({ code: 'WISH.NOT_OPEN' })
  expect(hook.result.current.wishes[1]).toMatchObject({ votes: 1, votedByMe: false })
})

it('a vote that landed on the wish it was merged into reloads the list', async () => {
  const hook = await ready()
  mocked.voteWish.mockResolvedValue({ ok: true, data: { wish: wish({ id: 'w9' }), redirected: true } })
  mocked.listWishes.mockResolvedValue(page([wish({ id: 'w9', votes: 9, votedByMe: true })]))
  await act(async () => {
    await hook.result.current.vote('w2')
  })
  await waitFor(() => expect(hook.result.current.wishes).toMatchObject([{ id: 'w9', votedByMe: true }]))
})
