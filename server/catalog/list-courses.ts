import { ok, type Reply } from '@core/reply'
import { CATALOG_PAGE_SIZE, CATEGORIES, type ListCoursesResult } from '@core/contracts/catalog'
import type { CourseRepo } from '../repos/course-repo'
import { toCourseCard } from '../course-views'

export async function listCourses(
  deps: { courses: CourseRepo },
  input: { category?: string; page?: number; pageSize?: number },
  now: Date,
): Promise<Reply<ListCoursesResult>> {
  const page = input.page ?? 1
  const pageSize = input.pageSize ?? CATALOG_PAGE_SIZE.default
  const { items, total } = await deps.courses.listOpen({
    category: input.category,
    now,
    offset: (page - 1) * pageSize,
    limit: pageSize,
  })
  return ok({
    items: items.map((c) => toCourseCard(c, now)),
    total,
    page,
    pageSize,
    hasMore: page * pageSize < total,
    categories: CATEGORIES,
  })
}
