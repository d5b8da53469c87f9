import { useCallback } from 'react'
import { fail, type Reply } from '@core'
import { useLoaded } from './use-loaded'

/**
 * One course's data read by id, read again on demand. A page opened without an id shows the same
 * "course gone" error the server would give, rather than asking the server for nothing.
 * `read` must keep its identity across renders (a service function does), or the read repeats.
 */
export function useCourseResource<T>(courseId: string | undefined, read: (courseId: string) => Promise<Reply<T>>) {
  const load = useCallback(
    async (): Promise<Reply<T>> => (courseId ? read(courseId) : fail('CATALOG.NOT_FOUND')),
    [courseId, read],
  )
  return useLoaded(load)
}
