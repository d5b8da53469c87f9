import { render, screen } from '@testing-library/react'
import type { useSession } from '@/hooks/use-session'
import { MeHeader } from './me-header'

type Session = ReturnType<typeof useSession>
const session = (patch: Partial<Session>): Session =>
  ({
    status: 'ready',
    session: null,
    error: null,
    role: 'worker',
    profileComplete: false,
    isStaff: false,
    refresh: jest.fn(),
    ...patch,
  }) as Session

describe('MeHeader', () => {
  it('shows grey bars while the session loads, never 未登记 / 去完善 for a worker who may have registered', () => {
    render(<MeHeader session={session({ status: 'loading' })} onOpenProfile={jest.fn()} />)
    expect(screen.getByLabelText('正在加载')).toBeTruthy()
    expect(screen.queryByText('未登记')).toBeNull()
    expect(screen.queryByText('完善个人信息后即可报名免费课程')).toBeNull()
  })

  it('says 未登记 once the session says so', () => {
    render(<MeHeader session={session({})} onOpenProfile={jest.fn()} />)
    expect(screen.getByText('未登记')).toBeTruthy()
    expect(screen.getByText('完善个人信息后即可报名免费课程')).toBeTruthy()
  })
})
