/** The admin feature's public entry: the staff use cases, for the function entry and tests. */
export type { AdminDeps } from './deps'
export { upsertCourse, toDraft } from './upsert-course'
export { setCapacity, type SetCapacityInput } from './set-capacity'
export { cancelCourse, type CancelCourseInput } from './cancel-course'
export { roster, type RosterInput } from './roster'
export { importProgramme, importedCourseId, type ImportInput } from './import-programme'
export { programmeStats } from './programme-stats'
export { todayLessons } from './today-lessons'
