/**
 * The deterministic ids and markers of stored documents, which use cases need as values (to look a
 * document up or recognise one) while taking the repositories themselves as arguments.
 */
export { attendanceId } from './attendance-repo'
export { enrollmentId } from './enrollment-repo'
export { materialId } from './material-repo'
export { ERASED_HOLDER_PREFIX } from './course-repo'
export { noticeId } from './notice-repo'
export { wishVoteId } from './wish-vote-repo'
