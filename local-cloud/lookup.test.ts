import { LocalCloud } from '.'
import type { Db } from '../server/cloud'
import { createCourseRepo } from '../server/repos/course-repo'
import { seedStorm } from '../tests/helpers/enroll-fixture'

describe('aggregate with a $lookup', () => {
  it('joins one document by _id and leaves the course as it is', async () => {
    const cloud = new LocalCloud()
    const { courseIds, openids } = seedStorm(cloud.store, { courses: 2, capacity: 3, workers: 3, now: new Date() })
    const sdk = cloud.sdk()
    sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV as unknown as string })
    const courses = createCourseRepo(sdk.database() as Db)
    const both = await courses.findWithWorker(courseIds[1], openids[2])
    expect(both.course).toMatchObject({ _id: courseIds[1], capacity: 3 })
    expect(both.course).not.toHaveProperty('worker')
    expect(both.worker).toMatchObject({ _id: openids[2], role: 'worker' })
    expect(await courses.findWithWorker(courseIds[0], 'o_nobody')).toMatchObject({ worker: null })
    expect(await courses.findWithWorker('no_such_course', openids[0])).toEqual({
      course: null,
      worker: null,
      record: null,
    })
    cloud.close()
  })
})
