import type { CourseDetail, ListCoursesRequest, ListCoursesResult, Reply } from '@core'
import { call } from './cloud'

export type ListCoursesInput = Omit<ListCoursesRequest, 'action'>

export function listCourses(input: ListCoursesInput = {}): Promise<Reply<ListCoursesResult>> {
  return call('catalog', { action: 'listCourses', ...input })
}

export function getCourse(courseId: string): Promise<Reply<CourseDetail>> {
  return call('catalog', { action: 'getCourse', courseId })
}
