import { useCallback } from 'react'
import type { CourseEvaluations, InstructorRatings } from '@core'
import { useLoaded } from '@/hooks/use-loaded'
import { courseEvaluations, instructorRatings } from '@/services/outcomes'

/** Staff: one course's ratings and nameless comments. */
export function useCourseEvaluations(courseId: string | undefined) {
  const load = useCallback(() => courseEvaluations(courseId ?? ''), [courseId])
  const { data, status, error, reload } = useLoaded<CourseEvaluations>(load)
  return { data, status, error, reload }
}

/** Staff: the programme's mean rating and each instructor's. */
export function useInstructorRatings() {
  const { data, status, error, reload } = useLoaded<InstructorRatings>(instructorRatings)
  return { data, status, error, reload }
}
