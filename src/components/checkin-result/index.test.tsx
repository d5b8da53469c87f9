import { fireEvent, render, screen } from '@testing-library/react'
import { lessonRef } from '@/test-setup/fixtures'
import { CheckinResult } from '.'

const result = { status: 'checked_in' as const, late: false, at: '2026-11-28T11:02:00.000Z', lesson: lessonRef() }

describe('CheckinResult', () => {
  it('says 签到成功 with the course, lesson, time and venue', () => {
    render(<CheckinResult outcome={{ kind: 'done', result }} />)
    expect(screen.getByText('签到成功')).toBeTruthy()
    expect(screen.getByText('AI 办公助手实战')).toBeTruthy()
    expect(screen.getByText('第 1 课（共 4 课）')).toBeTruthy()
    expect(screen.getByText('11月28日 周六 19:00–21:00')).toBeTruthy()
    expect(screen.getByText('市职工服务中心')).toBeTruthy()
    expect(screen.getByText(/19:02/)).toBeTruthy()
    expect(screen.queryByText('迟到')).toBeNull()
  })

  it('badges a late check-in and leaves out the lesson count of a one-lesson course', () => {
    render(
      <CheckinResult
        outcome={{ kind: 'done', result: { ...result, late: true, lesson: lessonRef({ lessonCount: 1 }) } }}
      />,
    )
    expect(screen.getByText('迟到')).toBeTruthy()
    expect(screen.getByText('第 1 课')).toBeTruthy()
    expect(screen.getByText('本次签到已记为迟到，下次请提前到场。')).toBeTruthy()
  })

  it('says 您已签到过了 with the first check-in time', () => {
    render(<CheckinResult outcome={{ kind: 'done', result: { ...result, status: 'already' } }} />)
    expect(screen.getByText('您已签到过了')).toBeTruthy()
    expect(screen.getByText(/签到时间 .*19:02/)).toBeTruthy()
  })

  it('titles a refusal by its code, shows the message and reports retry and done', () => {
    const onRetry = jest.fn()
    const onDone = jest.fn()
    render(
      <CheckinResult
        outcome={{ kind: 'refused', error: { code: 'CHECKIN.NOT_ENROLLED', message: '您未报名这门课程，无法签到' } }}
        onRetry={onRetry}
        onDone={onDone}
      />,
    )
    expect(screen.getByRole('alert', { name: '您未报名这门课' })).toBeTruthy()
    expect(screen.getByText('您未报名这门课程，无法签到')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '重新扫码' }))
    fireEvent.click(screen.getByRole('button', { name: '返回我的课程' }))
    expect(onRetry).toHaveBeenCalledTimes(1)
    expect(onDone).toHaveBeenCalledTimes(1)
  })

  it('gives an unknown refusal a plain title', () => {
    render(
      <CheckinResult outcome={{ kind: 'refused', error: { code: 'COMMON.BAD_REQUEST', message: '提交的信息有误' } }} />,
    )
    expect(screen.getByText('签到没有成功')).toBeTruthy()
  })
})
