import { useEffect } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { CourseDetail } from '@core'
import { CheckinPrompt } from '@/components/checkin-prompt'
import { EnrollBar, enrollBarMode } from '@/components/enroll-bar'
import { EvaluationPrompt } from '@/components/evaluation-prompt'
import { LinkArea } from '@/components/link-area'
import { ResultSheet } from '@/components/result-sheet'
import { StateView } from '@/components/state-view'
import { useCheckinEntry } from '@/hooks/use-checkin'
import { useEnrollment } from '@/hooks/use-enrollment'
import { useEvaluationPrompt } from '@/hooks/use-evaluation-prompt'
import { useMyAttendance } from '@/hooks/use-my-attendance'
import { useNow } from '@/hooks/use-now'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { useSeatFlow } from '@/hooks/use-seat-flow'
import { useSession } from '@/hooks/use-session'
import { openCheckinLesson } from '@/utils/checkin'
import { nextLesson } from '@/utils/format'
import { limitHint } from '@/utils/enrollment-copy'
import { peekIntent } from '@/utils/resume-intent'
import { ROUTES } from '@/utils/routes'
import { OUTCOME_ROUTES } from '@/utils/outcome-routes'
import { CourseBody } from './course-body'
import { prefix } from './prefix'
import './index.scss'

export default function CoursePage() {
  const { params } = useRouter()
  const en = useEnrollment(params.id)
  const { course, status, error, reload } = en

  // Check-in opens 30 minutes before a lesson: re-read the clock so the button appears on a page left open.
  const now = useNow(30_000)
  const enrolled = en.enrollment?.status === 'enrolled'
  const checkinLesson = course && enrolled ? openCheckinLesson(course.lessons, now) : null
  const attendance = useMyAttendance(checkinLesson !== null)
  const lastEnd = course?.lessons[course.lessons.length - 1]?.endsAt
  const over = !!lastEnd && new Date(lastEnd).getTime() <= now.getTime()
  // Materials open lesson by lesson from the first start, to seated workers only (the server checks both).
  const firstStart = course?.lessons[0]?.startsAt
  const materialsOpen = enrolled && !!firstStart && new Date(firstStart).getTime() <= now.getTime()
  // A finished course is no longer among the worker's active ones: the server says whether they came.
  const evaluation = useEvaluationPrompt(course?.id, over)

  // Back from the profile page, 我的 or the check-in page: seats, the worker's own place and their
  // check-in may all have moved.
  useRefreshOnShow(() => Promise.all([en.refresh(), checkinLesson ? attendance.refresh() : null, evaluation.refresh()]))

  return (
    <View className={`${prefix} ${checkinLesson ? `${prefix}--checkin` : ''}`.trim()}>
      {status === 'loading' ? <StateView status="loading" skeletonCount={2} /> : null}
      {status === 'error' ? (
        <StateView
          status="error"
          title={error?.message ?? '加载失败'}
          actionText={error?.code === 'CATALOG.NOT_FOUND' ? '返回课程列表' : '重试'}
          onAction={() =>
            error?.code === 'CATALOG.NOT_FOUND' ? void Taro.switchTab({ url: ROUTES.catalog }) : void reload()
          }
        />
      ) : null}
      {status === 'ready' && course ? (
        <>
          <CourseBody course={course} place={en.enrollment} />
          {materialsOpen ? (
            <LinkArea
              className={`${prefix}__materials`}
              label="课程资料"
              onOpen={() => void Taro.navigateTo({ url: OUTCOME_ROUTES.materials(course.id) })}
            >
              <Text className={`${prefix}__materials-title`}>课程资料</Text>
              <Text className={`${prefix}__materials-note`}>讲义、课件和链接 ›</Text>
            </LinkArea>
          ) : null}
          {evaluation.show ? (
            <EvaluationPrompt
              rating={evaluation.rating}
              onOpen={() => void Taro.navigateTo({ url: OUTCOME_ROUTES.evaluate(course.id) })}
            />
          ) : null}
          <Actions course={course} en={en} checkinLesson={checkinLesson} attendance={attendance} />
        </>
      ) : null}
    </View>
  )
}

interface ActionsProps {
  course: CourseDetail
  en: ReturnType<typeof useEnrollment>
  checkinLesson: CourseDetail['lessons'][number] | null
  attendance: ReturnType<typeof useMyAttendance>
}

/** The bar at the bottom (check in, enroll, cancel, confirm…) and the sheet that shows what a tap achieved. */
function Actions({ course, en, checkinLesson, attendance }: ActionsProps) {
  const session = useSession()
  const flow = useSeatFlow(en)
  const checkinEntry = useCheckinEntry()
  const mode = enrollBarMode({
    course,
    enrollment: en.enrollment,
    checking: en.enrollmentStatus === 'loading',
    needsProfile: session.status === 'ready' && !session.profileComplete,
  })
  // Back from the profile the worker filled in to enroll here: finish the enroll, no second tap.
  const resumable =
    session.status === 'ready' && session.profileComplete && (mode.kind === 'open' || mode.kind === 'full')
  useEffect(() => {
    if (resumable && peekIntent()?.courseId === course.id) flow.resumeEnroll()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per arrival at a resumable state
  }, [resumable, course.id])
  // The 3-course limit, said before the tap (the session counts the places held).
  const choosing = mode.kind === 'open' || mode.kind === 'full'
  const limit = choosing && session.status === 'ready' ? limitHint(session.session?.activeCount ?? 0) : null
  const upcoming = nextLesson(course.lessons) ?? course.lessons[0] ?? null
  const venue = upcoming?.venue ?? course.venue
  return (
    <>
      <View className={`${prefix}__bar`}>
        {checkinLesson ? (
          <CheckinPrompt
            lesson={checkinLesson}
            attended={attendance.lessons[checkinLesson.id] ?? null}
            actionText={checkinEntry.actionText}
            onCheckIn={() => void checkinEntry.start()}
          />
        ) : null}
        {limit ? (
          <Text className={`${prefix}__limit ${limit.reached ? `${prefix}__limit--reached` : ''}`.trim()}>
            {limit.text}
          </Text>
        ) : null}
        {limit?.reached ? (
          <View className={`${prefix}__limit-button`} ariaRole="button" ariaLabel="已达报名上限，不能报名">
            已达报名上限
          </View>
        ) : null}
        {limit?.reached ? null : (
          <EnrollBar
            mode={mode}
            pending={en.pending}
            cancelDeadlineHours={course.cancelDeadlineHours}
            onEnroll={flow.enroll}
            onJoinWaitlist={flow.joinWaitlist}
            onCancel={flow.cancel}
            onDecline={flow.decline}
            onConfirm={flow.confirmOffer}
            onCompleteProfile={flow.goProfile}
          />
        )}
      </View>
      <ResultSheet
        visible={flow.result !== null}
        outcome={flow.result ?? { kind: 'enrolled' }}
        courseTitle={course.title}
        firstLessonAt={upcoming?.startsAt ?? course.firstLessonAt}
        venueName={venue.name}
        venueAddress={venue.address}
        reminded={flow.reminded}
        onClose={flow.closeResult}
        onViewMine={() => {
          flow.closeResult()
          void Taro.switchTab({ url: ROUTES.me })
        }}
      />
    </>
  )
}
