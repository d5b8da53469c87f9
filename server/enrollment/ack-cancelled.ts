import { fail, ok, type Reply } from '@core/reply'
import type { EnrollmentDeps } from './deps'
import { enrollmentId } from '../repos/keys'

/**
 * 知道了 on a course the union cancelled: the red card on 我的 stays until the worker has seen it, on
 * any phone, so the acknowledgement lives on their own record. A repeat tap answers the same.
 */
export async function ackCancelled(
  deps: Pick<EnrollmentDeps, 'enrollments'>,
  openid: string,
  courseId: string,
  now: Date,
): Promise<Reply<{ seen: true }>> {
  const id = enrollmentId(courseId, openid)
  if (await deps.enrollments.markCancelSeen(id, now)) return ok({ seen: true })
  const record = await deps.enrollments.findById(id)
  if (record?.status === 'cancelled') return ok({ seen: true })
  return fail('ENROLL.NOT_CANCELLED')
}
