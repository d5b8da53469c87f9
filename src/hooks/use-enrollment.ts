import { useCallback, useRef, useState } from 'react'
import type { EnrollResult, Reply, SeatChangeResult } from '@core'
import { cancelEnrollment, confirmOffer, declineOffer, enroll } from '@/services/enrollment'
import { loadSession } from './session-store'
import { useCourse } from './use-course'

export type EnrollmentAction = 'enroll' | 'cancel' | 'confirm' | 'decline'

export interface PendingAction {
  courseId: string
  action: EnrollmentAction
}

/**
 * Enrol, cancel, confirm or decline, one at a time: while one runs, further taps answer `null` and reach
 * no server (a double tap on a slow network must not send two requests). After every action, whatever its
 * outcome, `onSettled` re-reads what the screen shows — a refusal such as "full" also means our numbers
 * were stale — and the button stays busy until then, so it never flashes back to its old label.
 */
export function useEnrollmentActions(onSettled?: (courseId: string) => unknown) {
  const [pending, setPending] = useState<PendingAction | null>(null)
  const busy = useRef(false)
  const settled = useRef(onSettled)
  settled.current = onSettled

  const run = useCallback(
    async <T>(courseId: string, action: EnrollmentAction, send: () => Promise<Reply<T>>): Promise<Reply<T> | null> => {
      if (busy.current) return null
      busy.current = true
      setPending({ courseId, action })
      try {
        const reply = await send()
        // The session counts the places held and the waiting offers ("您已报名 N 门", the 我的 red dot).
        if (reply.ok) void loadSession(true)
        await settled.current?.(courseId)
        return reply
      } finally {
        busy.current = false
        setPending(null)
      }
    },
    [],
  )

  const enrollIn = useCallback(
    (courseId: string, joinWaitlist = false): Promise<Reply<EnrollResult> | null> =>
      run(courseId, 'enroll', () => enroll(joinWaitlist ? { courseId, joinWaitlist } : { courseId })),
    [run],
  )
  const cancel = useCallback(
    (courseId: string): Promise<Reply<SeatChangeResult> | null> =>
      run(courseId, 'cancel', () => cancelEnrollment(courseId)),
    [run],
  )
  const confirm = useCallback(
    (courseId: string): Promise<Reply<SeatChangeResult> | null> =>
      run(courseId, 'confirm', () => confirmOffer(courseId)),
    [run],
  )
  const decline = useCallback(
    (courseId: string): Promise<Reply<SeatChangeResult> | null> =>
      run(courseId, 'decline', () => declineOffer(courseId)),
    [run],
  )

  return { pending, enroll: enrollIn, cancel, confirm, decline }
}

/**
 * One course with the worker's own place in it, and the actions that change that place. The place
 * comes with the course (getCourse answers both in one call), so one re-read refreshes both.
 */
export function useEnrollment(courseId: string | undefined) {
  const course = useCourse(courseId)
  const { refresh } = course
  const actions = useEnrollmentActions(refresh)
  const id = courseId ?? ''

  return {
    course: course.course,
    status: course.status,
    error: course.error,
    reload: course.reload,
    refresh,
    /** The course as last read, including reads that the screen has not rendered yet. */
    currentCourse: course.current,
    /** The worker's place in this course; null when none (or not known yet). */
    enrollment: course.course?.mine ?? null,
    /** Whether `enrollment` can be trusted yet. */
    enrollmentStatus: course.status,
    pending: actions.pending?.action ?? null,
    enroll: (joinWaitlist = false) => actions.enroll(id, joinWaitlist),
    cancel: () => actions.cancel(id),
    confirm: () => actions.confirm(id),
    decline: () => actions.decline(id),
  }
}
