import type { AdminResults, CourseInput, ImportResult, ProgrammeStats, Reply, RosterResult } from '@core'
import { call } from './cloud'

/** Staff-only actions; the function itself refuses workers (AUTH.FORBIDDEN), the app only hides the entry. */
export function upsertCourse(course: CourseInput): Promise<Reply<AdminResults['upsertCourse']>> {
  return call('admin', { action: 'upsertCourse', course })
}

export function setCapacity(courseId: string, capacity: number): Promise<Reply<AdminResults['setCapacity']>> {
  return call('admin', { action: 'setCapacity', courseId, capacity })
}

export function cancelCourse(courseId: string, reason: string): Promise<Reply<AdminResults['cancelCourse']>> {
  return call('admin', { action: 'cancelCourse', courseId, reason })
}

export function roster(courseId: string, cursor?: string): Promise<Reply<RosterResult>> {
  return call('admin', { action: 'roster', courseId, ...(cursor ? { cursor } : {}) })
}

export function importProgramme(csv: string, dryRun: boolean): Promise<Reply<ImportResult>> {
  return call('admin', { action: 'importProgramme', csv, ...(dryRun ? { dryRun: true } : {}) })
}

export function programmeStats(): Promise<Reply<ProgrammeStats>> {
  return call('admin', { action: 'programmeStats' })
}

export function todayLessons(): Promise<Reply<AdminResults['todayLessons']>> {
  return call('admin', { action: 'todayLessons' })
}
